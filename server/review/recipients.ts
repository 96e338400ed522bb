import { randomUUID } from 'node:crypto';
import type { NotificationType } from '../../shared/api/review';
import type { DocRecord } from '../../shared/api/schemas';
import { Action, can, DocStatus, documentTarget, TRANSITIONS, type UserId, WORKFLOW } from '../../shared/index';
import { actorOf } from '../auth/Authenticator';
import type { UserRecord } from '../storage/AccountStore';
import type { NewNotification } from '../storage/ReviewStore';

/**
 * Who is told of what happens to a document. The person who did it is never told; nor is anyone
 * who may not read the document (a notification carries its title).
 */

/**
 * Everyone who reviews the document (every active chair, and the conveners of its group): those
 * `can()` lets return it once it is in review (P11), so the rule lives in one place.
 */
export function reviewersOf(record: DocRecord, users: readonly UserRecord[]): UserId[] {
  const inReview = reviewTarget(record);
  return users.filter((user) => can(actorOf(user), Action.returnDocument, inReview)).map((user) => user.id);
}

/** The document as a reviewer sees it in review: whom `return_document` allows there reviews it. */
export function reviewTarget(record: DocRecord): ReturnType<typeof documentTarget> {
  return { ...documentTarget(record), status: DocStatus.inReview };
}

/**
 * Everyone who may take the document on from `status` (WORKFLOW, P10-P12): for an approved
 * document, every active secretariat account, who files it. Taking a submission back to draft
 * (P15) is the authors' own choice, not a step anyone waits for, so it names nobody.
 */
export function nextStepTakersOf(record: DocRecord, status: DocStatus, users: readonly UserRecord[]): UserId[] {
  const target = { ...documentTarget(record), status };
  const actions = TRANSITIONS.filter(
    (transition) =>
      WORKFLOW[transition].to !== DocStatus.draft && WORKFLOW[transition].from.some((from) => from === status),
  ).map((transition) => WORKFLOW[transition].action);
  return users.filter((user) => actions.some((action) => can(actorOf(user), action, target))).map((user) => user.id);
}

/** Everyone who answers for the document's content: its creator, its authors and its signed co-signers. */
export function proposersOf(record: DocRecord): UserId[] {
  const signed = record.cosigners.filter((cosigner) => cosigner.state === 'signed').map((c) => c.userId);
  return [...(record.createdBy === null ? [] : [record.createdBy]), ...record.authorIds, ...signed];
}

/** What one notification says besides whom it is for. */
export interface NotificationContent {
  readonly type: NotificationType;
  readonly actorId: UserId;
  readonly at: number;
  readonly reason?: string | null;
  readonly excerpt?: string | null;
  readonly threadId?: string | null;
  readonly commentId?: string | null;
}

/**
 * One notification for each of `userIds` who is not the actor and may read the document, each
 * person once, in the order given.
 */
export function notificationsFor(
  record: DocRecord,
  userIds: readonly UserId[],
  users: readonly UserRecord[],
  content: NotificationContent,
): NewNotification[] {
  const byId = new Map(users.map((user) => [user.id, user]));
  const target = documentTarget(record);
  return [...new Set(userIds)]
    .filter((userId) => userId !== content.actorId)
    .filter((userId) => {
      const user = byId.get(userId);
      return user !== undefined && can(actorOf(user), Action.readDocument, target);
    })
    .map((userId) => ({
      id: randomUUID(),
      userId,
      type: content.type,
      docId: record.id,
      docTitle: record.title,
      actorId: content.actorId,
      at: content.at,
      reason: content.reason ?? null,
      excerpt: content.excerpt ?? null,
      threadId: content.threadId ?? null,
      commentId: content.commentId ?? null,
    }));
}

/**
 * The named people (by name, else id) who are unknown or whom `can()` does not allow `action` on
 * the document: a request naming them is refused as a whole.
 */
export function peopleNotAllowed(
  record: DocRecord,
  userIds: readonly UserId[],
  users: readonly UserRecord[],
  action: typeof Action.readDocument | typeof Action.readDiscussion | typeof Action.cosign,
): string[] {
  const byId = new Map(users.map((user) => [user.id, user]));
  const target = documentTarget(record);
  return userIds.flatMap((userId) => {
    const user = byId.get(userId);
    return user !== undefined && can(actorOf(user), action, target) ? [] : [user?.name ?? userId];
  });
}
