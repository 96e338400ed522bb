import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createTokenRequestSchema } from '../../../shared/api/schemas';
import { hashToken, newToken } from '../../auth/tokens';
import { ApiError } from '../ApiError';
import { toApiToken } from '../answers';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { jsonBody } from '../validate';

/** A user's named API tokens, for scripts and other clients. */
export function registerTokenRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/tokens', auth, async (c) => {
    const tokens = await deps.accounts.listApiTokens(c.get('auth').user.id);
    return c.json({ tokens: tokens.map(toApiToken) });
  });

  api.post('/tokens', auth, jsonBody(createTokenRequestSchema), async (c) => {
    const token = newToken();
    const record = await deps.accounts.createApiToken({
      id: randomUUID(),
      userId: c.get('auth').user.id,
      name: c.get('body').name,
      tokenHash: hashToken(token),
      createdAt: deps.now(),
    });
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
