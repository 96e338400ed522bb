import { RoomKind } from '../../../shared/index';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import { formatRelayReason, RelayReasonCode } from '../../../shared/protocol/relayReasons';
import type { Logger } from '../../logger';
import type { Connection } from '../Connection';
import { encodePermissionDenied } from '../protocolMessages';
import type { Room } from '../Room';
import { judgeCommentsUpdate } from './commentsRules';

/** Why the rules of a room refuse an update: the rule's id and what exactly broke it. */
export interface Refusal {
  readonly code: RelayReasonCode;
  readonly rule: string;
  readonly detail: string;
}

/**
 * The rules of the room's kind on an update that passed checkUpdate, sent by `connection` (which
 * may write); null when they accept it. Comments rooms are judged (docs/RULES.md "Comments").
 */
export function refusalOf(room: Room<Connection>, connection: Connection, update: Uint8Array): Refusal | null {
  const userId = connection.userId;
  if (room.target.kind !== RoomKind.comments) {
    return null;
  }
  if (userId === null) {
    return { code: RelayReasonCode.commentRefused, rule: 'access', detail: 'the sender is not signed in' };
  }
  const verdict = judgeCommentsUpdate(room.doc, update, { userId, now: Date.now() });
  return verdict.ok ? null : { code: RelayReasonCode.commentRefused, rule: verdict.rule, detail: verdict.detail };
}

/**
 * Refuses an update: nothing of it was applied. The sender is told why (a permission-denied
 * message, then the close reason) and closed; what it held back for missing dependencies goes too.
 * The log names the user, so that a modified client can be traced.
 */
export function refuseUpdate(logger: Logger, connection: Connection, refusal: Refusal): void {
  logger.warn('refused an update that breaks the rules of its room', {
    room: connection.target.name,
    connection: connection.id,
    userId: connection.userId,
    rule: refusal.rule,
    detail: refusal.detail,
  });
  const reason = formatRelayReason(refusal.code, `${refusal.rule}: ${refusal.detail}`);
  connection.setHeld();
  connection.send(encodePermissionDenied(reason));
  connection.close(CloseCode.refusedUpdate, reason);
}
