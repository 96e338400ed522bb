import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { setupRequestSchema } from '../../../shared/api/schemas';
import { Role, type UserId } from '../../../shared/index';
import { hashIfTokenShaped } from '../../auth/tokens';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { signIn } from '../sessionCookie';
import { jsonBody } from '../validate';

const SETUP_GONE =
  'This setup link was used already or is no longer valid: sign in, or restart the server on an empty database for a new link';

/** `GET /api/setup` and `POST /api/setup`: the first secretariat account, through the printed link. */
export function registerSetupRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.get('/setup', async (c) => c.json({ isNeeded: (await deps.accounts.countUsers()) === 0 }));

  api.post('/setup', jsonBody(setupRequestSchema), async (c) => {
    const { token, username, name, password } = c.get('body');
    const tokenHash = hashIfTokenShaped(token);
    if (tokenHash === null || (await deps.accounts.countUsers()) > 0) {
      throw ApiError.gone(SETUP_GONE);
    }
    const passwordHash = await deps.passwords.hash(password);
    const outcome = await deps.accounts.completeSetup(tokenHash, {
      id: randomUUID() as UserId,
      username,
      name,
      role: Role.secretariat,
      passwordHash,
      createdAt: deps.now(),
      groupIds: [],
    });
    if (outcome.kind === 'gone') {
      throw ApiError.gone(SETUP_GONE);
    }
    deps.logger.info('first secretariat account created', { userId: outcome.user.id });
    return c.json(await signIn(c, deps, outcome.user));
  });
}
