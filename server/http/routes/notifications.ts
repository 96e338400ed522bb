import type { Hono } from 'hono';
import { INBOX_PAGE_SIZE, markReadRequestSchema } from '../../../shared/api/review';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { jsonBody } from '../validate';

/** The signed-in user's inbox: only ever their own notifications. */
export function registerNotificationRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/notifications', auth, async (c) => {
    return c.json(await deps.reviews.inbox(c.get('auth').user.id, INBOX_PAGE_SIZE));
  });

  api.post('/notifications/read', auth, jsonBody(markReadRequestSchema), async (c) => {
    const unreadCount = await deps.reviews.markRead(c.get('auth').user.id, c.get('body'), deps.now());
    return c.json({ unreadCount });
  });
}
