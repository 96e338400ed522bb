import { CloseCode } from '../../shared/index';
import { RelayReasonCode } from '../../shared/protocol/relayReasons';
import { toError } from '../logger';
import {
  type AwarenessEntry,
  type AwarenessOwnerKind,
  decodeAwarenessEntries,
  encodeAwarenessEntries,
  judgeAwareness,
} from './awarenessRules';
import type { Connection } from './Connection';
import { ProtocolError } from './ProtocolError';
import { encodeAwarenessMessage } from './protocolMessages';
import type { Room } from './Room';

/** What to apply to the room's awareness and what to forward to the others. */
export interface AdmittedAwareness {
  readonly update: Uint8Array;
  /** The whole frame to forward: the one received when nothing was rewritten, else a new one. */
  readonly frame: Uint8Array;
}

function ownerKind(room: Room<Connection>, connection: Connection, clientId: number): AwarenessOwnerKind {
  const owner = room.awarenessOwners.get(clientId);
  if (owner === undefined || owner.isClosed) {
    // Published through another process: its owner is a user there.
    const remote = room.remoteAwarenessOwners.get(clientId);
    if (remote === undefined) {
      return 'none';
    }
    return remote === connection.userId ? 'same_user' : 'other_user';
  }
  if (owner === connection) {
    return 'self';
  }
  return owner.userId === connection.userId ? 'same_user' : 'other_user';
}

/**
 * Judges an awareness update against RULES.md A1-A4 before it is applied. A refused one throws
 * ProtocolError (4423): nothing of it is applied or relayed and the connection is closed. An
 * accepted one makes the connection the publisher of its client ids (taking over from another
 * connection of the same user, such as one that reconnected before the old socket closed) and
 * carries the user's identity as the server knows it. Null: only echoes, nothing to apply.
 */
export function enforceAwarenessRules(
  connection: Connection,
  room: Room<Connection>,
  update: Uint8Array,
  raw: Uint8Array,
): AdmittedAwareness | null {
  const access = connection.access;
  if (access === null) {
    throw new ProtocolError(CloseCode.refusedUpdate, RelayReasonCode.notAdmitted, 'presence before access was granted');
  }
  let entries: AwarenessEntry[];
  let ownedCount = 0;
  for (const owner of room.awarenessOwners.values()) {
    ownedCount += owner === connection ? 1 : 0;
  }
  const identity = { userId: access.userId, name: access.person?.name, role: access.person?.role };
  let verdict: ReturnType<typeof judgeAwareness>;
  try {
    entries = decodeAwarenessEntries(update);
    verdict = judgeAwareness(
      {
        identity,
        ownedCount,
        ownerOf: (clientId) => ownerKind(room, connection, clientId),
        clockOf: (clientId) => room.awareness.meta.get(clientId)?.clock ?? -1,
      },
      entries,
    );
  } catch (thrown) {
    throw new ProtocolError(
      CloseCode.badMessage,
      RelayReasonCode.badFrame,
      `bad awareness update: ${toError(thrown).message}`,
    );
  }
  if (verdict.kind === 'refuse') {
    throw new ProtocolError(CloseCode.refusedUpdate, verdict.reason, verdict.detail);
  }
  for (const { clientId, json } of verdict.entries) {
    const previous = room.awarenessOwners.get(clientId);
    // Removing a state no one publishes changes nothing and claims nothing.
    if (previous !== connection && !(json === 'null' && ownerKind(room, connection, clientId) === 'none')) {
      // The old connection must not remove this state when it closes; the new one must.
      previous?.awarenessIds.delete(clientId);
      room.remoteAwarenessOwners.delete(clientId);
      room.awarenessOwners.set(clientId, connection);
      connection.awarenessIds.add(clientId);
    }
  }
  if (!verdict.isRewritten) {
    return { update, frame: raw };
  }
  if (verdict.entries.length === 0) {
    return null;
  }
  const rewritten = encodeAwarenessEntries(verdict.entries);
  return { update: rewritten, frame: encodeAwarenessMessage(rewritten) };
}

/** Forgets the awareness client ids a closing connection published. */
export function releaseAwarenessClients(room: Room<Connection>, connection: Connection): void {
  for (const [clientId, owner] of room.awarenessOwners) {
    if (owner === connection) {
      room.awarenessOwners.delete(clientId);
    }
  }
}
