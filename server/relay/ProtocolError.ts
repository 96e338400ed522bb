import { CloseCode } from '../../shared/index';
import { type Logger, toError } from '../logger';
import type { Connection } from './Connection';

/** A client broke the protocol: its connection is closed with `code`, and nothing else is affected. */
export class ProtocolError extends Error {
  readonly code: CloseCode;

  constructor(code: CloseCode, reason: string) {
    super(reason);
    this.name = 'ProtocolError';
    this.code = code;
  }
}

/** Closes the connection whose frame threw: with the error's code, or 1011 for a fault of ours. */
export function closeForError(connection: Connection, thrown: unknown, logger: Logger): void {
  const fields = { room: connection.target.name, connection: connection.id };
  if (thrown instanceof ProtocolError) {
    logger.warn('refused a frame', { ...fields, code: thrown.code, reason: thrown.message });
    connection.close(thrown.code, thrown.message);
    return;
  }
  logger.error('failed to handle a frame', { ...fields, error: toError(thrown).message });
  connection.close(CloseCode.internalError, 'the server failed to handle a message');
}
