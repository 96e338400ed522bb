import { judgeContentUpdate, RoomKind } from '../../shared/index';
import type { Connection } from './Connection';
import type { Decoded } from './checkUpdate';
import type { GroupCommit } from './GroupCommit';
import type { Room } from './Room';
import type { Refusal } from './rules/refuseUpdate';

/**
 * Judges a checked update of a content room against RULES.md D1-D8 before it is applied: the
 * refusal (the caller refuses the update with `refuseUpdate`), or null. An accepted one makes the
 * writer the owner of the client ids it brings, stored in the same transaction as the update.
 * Comments rooms are left to their own rules.
 */
export function enforceContentRules(
  context: { readonly commit: GroupCommit; readonly contentSchemaVersion: number },
  connection: Connection,
  room: Room<Connection>,
  decoded: Decoded,
): Refusal | null {
  const access = connection.access;
  if (room.target.kind !== RoomKind.content || access === null) {
    return null;
  }
  const verdict = judgeContentUpdate(
    {
      doc: room.doc,
      owners: room.clientOwners,
      userId: access.userId,
      docKind: access.docKind ?? null,
      maxSchemaVersion: context.contentSchemaVersion,
    },
    decoded,
  );
  if (verdict.kind === 'refuse') {
    return { code: verdict.reason, rule: verdict.rule, detail: verdict.detail };
  }
  if (verdict.claims.length > 0) {
    for (const clientId of verdict.claims) {
      room.clientOwners.set(clientId, access.userId);
    }
    context.commit.claimClients(room, verdict.claims, access.userId);
  }
  return null;
}
