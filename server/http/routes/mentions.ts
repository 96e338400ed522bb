import type { Hono } from 'hono';
import { mentionRequestSchema } from '../../../shared/api/review';
import { docIdSchema } from '../../../shared/api/schemas';
import { Action, documentTarget } from '../../../shared/index';
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
 * client sends it (a retry, or another device of the author).
 */
export function registerMentionRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.post('/docs/:id/mentions', requireUser(deps), jsonBody(mentionRequestSchema), async (c) => {
    const record = await findDoc(deps, param(docIdSchema, c.req.param('id'), 'id'));
    const { actor } = c.get('auth');
    permit(actor, Action.comment, documentTarget(record));
    const { userIds, commentId, threadId, excerpt } = c.get('body');
    const users = await deps.accounts.listUsers();
    const unable = peopleNotAllowed(record, userIds, users, Action.readDocument);
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
