import type { Hono } from 'hono';
import { INBOX_PAGE_SIZE, markReadRequestSchema } from '../../../shared/api/review';
import type { Actor, DocId } from '../../../shared/index';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { jsonBody } from '../validate';
import { readableDocs } from '../visibility';

/**
 * The documents `actor` may read now: a notification about any other (moved to another group,
 * the account's groups changed) is left out of the inbox and its unread count, since it carries
 * the document's title, an excerpt or a reason.
 */
async function readableDocIds(deps: ApiDeps, actor: Actor): Promise<DocId[]> {
  return readableDocs(actor, await deps.records.listDocuments()).map((doc) => doc.id);
}

/** The signed-in user's inbox: only ever their own notifications, about documents they may read. */
export function registerNotificationRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/notifications', auth, async (c) => {
    const { user, actor } = c.get('auth');
    return c.json(await deps.reviews.inbox(user.id, INBOX_PAGE_SIZE, await readableDocIds(deps, actor)));
  });

  api.post('/notifications/read', auth, jsonBody(markReadRequestSchema), async (c) => {
    const { user, actor } = c.get('auth');
    const readable = await readableDocIds(deps, actor);
    const unreadCount = await deps.reviews.markRead(user.id, c.get('body'), deps.now(), readable);
    return c.json({ unreadCount });
  });
}
