import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { createTokenRequestSchema, DAY_MS } from '../../../shared/api/schemas';
import { hashToken, newToken } from '../../auth/tokens';
import { announceNotifications } from '../../review/announce';
import { tokenCreatedNotification } from '../../review/tokenCreatedNotification';
import type { UserRecord } from '../../storage/AccountStore';
import { ApiError } from '../ApiError';
import { toApiToken } from '../answers';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { checkPassword } from '../checkPassword';
import { requireUser } from '../requireUser';
import { jsonBody } from '../validate';

/**
 * Checks the password given to make a token, counted like a sign-in attempt of the account: a
 * stolen session must not be able to guess its way to a lasting token.
 */
async function confirmPassword(c: Context, deps: ApiDeps, user: UserRecord, password: string): Promise<void> {
  if (!(await checkPassword(c, deps, { username: user.username, password, user }))) {
    throw ApiError.badRequest(
      'The current password is wrong: an API token acts as you, so making one needs your password',
      'currentPassword',
    );
  }
}

/** Tells the owner a token was made for their account, on every device they are signed in on. */
async function notifyOwner(deps: ApiDeps, user: UserRecord, tokenName: string, at: number): Promise<void> {
  const stored = await deps.reviews.addNotifications([tokenCreatedNotification(user, tokenName, at)]);
  announceNotifications(deps.hub, stored);
}

/** A user's named API tokens, for scripts and other clients. */
export function registerTokenRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/tokens', auth, async (c) => {
    const tokens = await deps.accounts.listApiTokens(c.get('auth').user.id);
    return c.json({ tokens: tokens.map(toApiToken) });
  });

  api.post('/tokens', auth, jsonBody(createTokenRequestSchema), async (c) => {
    const { user } = c.get('auth');
    const { name, currentPassword, expiresInDays } = c.get('body');
    await confirmPassword(c, deps, user, currentPassword);
    const token = newToken();
    const now = deps.now();
    const record = await deps.accounts.createApiToken({
      id: randomUUID(),
      userId: user.id,
      name,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: now + expiresInDays * DAY_MS,
    });
    await notifyOwner(deps, user, name, now);
    deps.logger.info('API token created', { userId: user.id, token: record.id, days: expiresInDays });
    return c.json({ token, record: toApiToken(record) }, 201);
  });

  api.delete('/tokens/:id', auth, async (c) => {
    const { user } = c.get('auth');
    const id = c.req.param('id');
    if (!(await deps.accounts.revokeApiToken(user.id, id, deps.now()))) {
      throw ApiError.notFound(`You have no API token ${id}`);
    }
    // Connections opened with the token close.
    await deps.onAccessChanged({ userId: user.id });
    return c.body(null, 204);
  });
}
