import { CloseCode } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { type Logger, toError } from '../logger';
import type { Connection } from './Connection';

/** A client broke the protocol: its connection is closed with `code`, and nothing else is affected. */
export class ProtocolError extends Error {
  readonly code: CloseCode;
  /** The reason's code on the wire; the message is its sentence, saying what exactly was wrong. */
  readonly reason: RelayReasonCode;

  constructor(code: CloseCode, reason: RelayReasonCode, detail: string) {
    super(detail);
    this.name = 'ProtocolError';
    this.code = code;
    this.reason = reason;
  }
}

/** Closes the connection whose frame threw: with the error's code, or 1011 for a fault of ours. */
export function closeForError(connection: Connection, thrown: unknown, logger: Logger): void {
  const fields = { room: connection.target.name, connection: connection.id, userId: connection.userId };
  if (thrown instanceof ProtocolError) {
    logger.warn('refused a frame', { ...fields, code: thrown.code, reason: thrown.message });
    connection.close(thrown.code, formatRelayReason(thrown.reason, thrown.message));
    return;
  }
  logger.error('failed to handle a frame', { ...fields, error: toError(thrown).message });
  connection.close(CloseCode.internalError, formatRelayReason(RelayReasonCode.serverFailed));
}
