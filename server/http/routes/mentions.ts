import type { Hono } from 'hono';
import { mentionRequestSchema } from '../../../shared/api/review';
import { docIdSchema } from '../../../shared/api/schemas';
import { findPlainComment } from '../../../shared/domain/commentsDoc';
import { Action, type DocId, documentTarget, RoomKind, type UserId } from '../../../shared/index';
import { announceNotifications } from '../../review/announce';
import { notificationsFor, peopleNotAllowed } from '../../review/recipients';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { findDoc } from '../findDoc';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/**
 * `POST /api/docs/:id/mentions`: the comment itself lives in the document's comments Y.Doc; the
 * server only notifies the people it mentions, once per comment and person however often the
 * client sends it (a retry, or another device of the author). It notifies only for a comment the
 * comments room holds, written by the caller, not deleted, that mentions every one of them: the
 * room's rules (docs/RULES.md, Comments) vouch for who wrote it.
 */
export function registerMentionRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.post('/docs/:id/mentions', requireUser(deps), jsonBody(mentionRequestSchema), async (c) => {
    const record = await findDoc(deps, param(docIdSchema, c.req.param('id'), 'id'));
    const { actor } = c.get('auth');
    permit(actor, Action.comment, documentTarget(record));
    const { userIds, commentId, threadId, excerpt } = c.get('body');
    await checkComment(deps, record.id, { threadId, commentId, authorId: actor.id, userIds });
    const users = await deps.accounts.listUsers();
    const unable = peopleNotAllowed(record, userIds, users, Action.readDiscussion);
    if (unable.length > 0) {
      const names = unable.join(', ');
      throw ApiError.badRequest(`Cannot mention ${names}: they may not read document ${record.id}`, 'userIds');
    }
    const notifications = notificationsFor(record, userIds, users, {
      type: 'mention',
      actorId: actor.id,
      at: deps.now(),
      excerpt,
      threadId,
      commentId,
    });
    announceNotifications(deps.hub, await deps.reviews.addNotifications(notifications));
    return c.body(null, 204);
  });
}

interface MentionedComment {
  readonly threadId: string;
  readonly commentId: string;
  readonly authorId: UserId;
  readonly userIds: readonly UserId[];
}

/** Throws unless the comments room holds the comment, by `authorId`, not deleted, mentioning every one of `userIds`. */
async function checkComment(deps: ApiDeps, docId: DocId, mention: MentionedComment): Promise<void> {
  const { threadId, commentId } = mention;
  const comment = await deps.content.readContent(
    docId,
    (doc) => findPlainComment(doc, threadId, commentId),
    RoomKind.comments,
  );
  const what = `Comment ${commentId} of thread ${threadId} in document ${docId}`;
  if (comment === null) {
    throw ApiError.conflict(`${what} is not on the server: send the comments first, then the mention`);
  }
  if (comment.authorId !== mention.authorId) {
    throw ApiError.badRequest(`${what} was written by someone else`, 'commentId');
  }
  if (comment.isDeleted !== false) {
    throw ApiError.badRequest(`${what} is deleted`, 'commentId');
  }
  const mentioned = Array.isArray(comment.mentions) ? comment.mentions : [];
  const missing = mention.userIds.filter((userId) => !mentioned.includes(userId));
  if (missing.length > 0) {
    throw ApiError.badRequest(`${what} does not mention ${missing.join(', ')}`, 'userIds');
  }
}
