import {
  CloseCode,
  type DocId,
  MIN_CLIENT_PROTOCOL_VERSION,
  type ParsedRoom,
  parseRoomName,
  SocketParam,
  type UserId,
} from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { type Logger, toError } from '../logger';
import type { Connection } from './Connection';
import type { RoomAccess, RoomGate } from './RoomGate';

/** What a websocket URL asks for, or why it is refused before anyone is asked. */
export type ConnectRequest =
  | { readonly kind: 'room'; readonly target: ParsedRoom; readonly schemaVersion: number | null }
  | { readonly kind: 'refuse'; readonly code: CloseCode; readonly reason: string };

/** Checks the room name and the versions of a `/sync/<room>?v=&schema=` URL. */
export function parseConnectRequest(roomText: string, query: URLSearchParams): ConnectRequest {
  const target = parseRoomName(roomText);
  if (target === null) {
    return { kind: 'refuse', code: CloseCode.badRoom, reason: formatRelayReason(RelayReasonCode.badRoom) };
  }
  const protocolText = query.get(SocketParam.protocolVersion);
  const schemaText = query.get(SocketParam.schemaVersion);
  const protocol = protocolText === null ? MIN_CLIENT_PROTOCOL_VERSION : Number(protocolText);
  const schema = schemaText === null ? null : Number(schemaText);
  const isProtocolOk = Number.isSafeInteger(protocol) && protocol >= MIN_CLIENT_PROTOCOL_VERSION;
  const isSchemaOk = schema === null || (Number.isSafeInteger(schema) && schema >= 0);
  if (!isProtocolOk || !isSchemaOk) {
    return {
      kind: 'refuse',
      code: CloseCode.clientTooOld,
      reason: formatRelayReason(RelayReasonCode.clientTooOld),
    };
  }
  return { kind: 'room', target, schemaVersion: schema };
}

/** Which open connections to re-decide; an empty filter matches every connection. */
export interface AccessFilter {
  readonly userId?: UserId;
  readonly docId?: DocId;
}

/**
 * Whether a re-decision for `filter` concerns the connection. A connection whose first decision
 * is still pending matches any user: that decision may have read the rights before they changed.
 */
export function matchesAccessFilter(connection: Connection, filter: AccessFilter): boolean {
  if (filter.docId !== undefined && connection.target.docId !== filter.docId) {
    return false;
  }
  return filter.userId === undefined || connection.userId === null || connection.userId === filter.userId;
}

export interface AdmissionHooks {
  readonly gate: RoomGate;
  readonly logger: Logger;
  /** The gate granted a connection access for the first time: it may now join its room. */
  onAdmitted(connection: Connection): void;
  /** A connection in its room that could only read may now write. */
  onWritable(connection: Connection): void;
}

/**
 * Asks the gate what the connection may do and applies the answer: a refusal closes it with the
 * gate's code and reason, a grant admits it or changes its access in place. Only the latest
 * decision started for a connection is applied. Never rejects: a gate that throws closes the
 * connection with 1011 (the client retries later) and is logged.
 */
export async function decideAccess(hooks: AdmissionHooks, connection: Connection): Promise<void> {
  const epoch = ++connection.accessEpoch;
  const isFirst = connection.access === null;
  let access: RoomAccess;
  try {
    const hint = connection.admissionHint;
    connection.admissionHint = undefined;
    access = await hooks.gate.decide(connection.credential, connection.target, hint);
  } catch (thrown) {
    hooks.logger.error('checking access to a room failed', {
      room: connection.target.name,
      connection: connection.id,
      error: toError(thrown).message,
    });
    if (epoch === connection.accessEpoch) {
      connection.close(CloseCode.internalError, formatRelayReason(RelayReasonCode.accessCheckFailed));
    }
    return;
  }
  if (connection.isClosed || epoch !== connection.accessEpoch) {
    return;
  }
  if (access.kind === 'refuse') {
    const fields = { room: connection.target.name, connection: connection.id, code: access.code };
    // A first refusal is routine (signed out, or guessing); losing access while connected is news.
    if (isFirst) {
      hooks.logger.debug('refused a connection', fields);
    } else {
      hooks.logger.info('closed a connection that lost access', { ...fields, userId: connection.userId });
    }
    connection.close(access.code, access.reason);
    return;
  }
  const wasReadOnly = connection.access?.kind === 'read';
  connection.grant(access);
  if (isFirst) {
    hooks.onAdmitted(connection);
  } else if (wasReadOnly && access.kind === 'write') {
    hooks.onWritable(connection);
  }
}
