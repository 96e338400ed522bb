import type { Hono } from 'hono';
import { mentionRequestSchema } from '../../../shared/api/review';
import { docIdSchema } from '../../../shared/api/schemas';
import { Action, can, documentTarget } from '../../../shared/index';
import { actorOf } from '../../auth/Authenticator';
import { announceNotifications } from '../../review/announce';
import { notificationsFor } from '../../review/recipients';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { findDoc } from '../findDoc';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/**
 * `POST /api/docs/:id/mentions`: the comment itself lives in the document's comments Y.Doc; the
 * server only notifies the people it mentions, once per comment and person however often the
 * client sends it (a retry, or another device of the author).
 */
export function registerMentionRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.post('/docs/:id/mentions', requireUser(deps), jsonBody(mentionRequestSchema), async (c) => {
    const record = await findDoc(deps, param(docIdSchema, c.req.param('id'), 'id'));
    const { actor } = c.get('auth');
    permit(actor, Action.comment, documentTarget(record));
    const { userIds, commentId, threadId, excerpt } = c.get('body');
    const users = await deps.store.listUsers();
    const byId = new Map(users.map((user) => [user.id, user]));
    const target = documentTarget(record);
    const unable = userIds.filter((userId) => {
      const user = byId.get(userId);
      return user === undefined || !can(actorOf(user), Action.readDocument, target);
    });
    if (unable.length > 0) {
      const names = unable.map((userId) => byId.get(userId)?.name ?? userId).join(', ');
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
