import { CloseCode, judgeContentUpdate, RoomKind } from '../../shared/index';
import type { Connection } from './Connection';
import type { Decoded } from './checkUpdate';
import type { GroupCommit } from './GroupCommit';
import { ProtocolError } from './ProtocolError';
import type { Room } from './Room';

/**
 * Judges a checked update of a content room against RULES.md D1-D6 before it is applied. A
 * refused update throws ProtocolError (4430 with the rule's reason): it is not applied, stored or
 * relayed, and its connection is closed and logged with its user. An accepted one makes the
 * writer the owner of the client ids it brings, stored in the same transaction as the update.
 * Comments rooms are left to their own rules.
 */
export function enforceContentRules(
  commit: GroupCommit,
  connection: Connection,
  room: Room<Connection>,
  decoded: Decoded,
): void {
  const access = connection.access;
  if (room.target.kind !== RoomKind.content || access === null) {
    return;
  }
  const verdict = judgeContentUpdate(
    { doc: room.doc, owners: room.clientOwners, userId: access.userId, docKind: access.docKind ?? null },
    decoded,
  );
  if (verdict.kind === 'refuse') {
    throw new ProtocolError(CloseCode.changeRefused, verdict.reason, verdict.detail);
  }
  if (verdict.claims.length > 0) {
    for (const clientId of verdict.claims) {
      room.clientOwners.set(clientId, access.userId);
    }
    commit.claimClients(room, verdict.claims, access.userId);
  }
}
