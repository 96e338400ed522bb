import type { Hono } from 'hono';
import { changePasswordRequestSchema, signInRequestSchema } from '../../../shared/api/schemas';
import { hashIfTokenShaped } from '../../auth/tokens';
import type { UserRecord } from '../../storage/AccountStore';
import { ApiError } from '../ApiError';
import { toMe } from '../answers';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { checkPassword } from '../checkPassword';
import { requestCredential, requireUser } from '../requireUser';
import { clearSessionCookie, signIn } from '../sessionCookie';
import { jsonBody } from '../validate';

/** Stores a hash with the current parameters when the stored one was made with older ones. */
async function rehashIfNeeded(deps: ApiDeps, user: UserRecord, password: string): Promise<void> {
  if (deps.passwords.needsRehash(user.passwordHash)) {
    const hash = await deps.passwords.hash(password);
    await deps.accounts.setPasswordHash(user.id, hash, {
      endSessions: false,
      mustChangePassword: user.mustChangePassword,
    });
  }
}

/** Sign-in, sign-out, the signed-in user and their password. */
export function registerSessionRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  // The routes an account that must change its password may use (the rest answer 403).
  const auth = requireUser(deps, { isAllowedBeforePasswordChange: true });

  api.post('/session', jsonBody(signInRequestSchema), async (c) => {
    const { username, password } = c.get('body');
    const user = await deps.accounts.findUserByUsername(username);
    if (!(await checkPassword(c, deps, { username, password, user })) || user === null) {
      throw ApiError.unauthorized('Wrong username or password');
    }
    if (!user.isActive) {
      throw ApiError.unauthorized('This account has been deactivated: ask the secretariat');
    }
    await rehashIfNeeded(deps, user, password);
    return c.json(await signIn(c, deps, user));
  });

  // Works signed in or not: a browser whose session expired still needs its cookie cleared.
  api.delete('/session', async (c) => {
    const tokenHash = hashIfTokenShaped(requestCredential(c.req, deps.site));
    if (tokenHash !== null) {
      const session = await deps.accounts.findSession(tokenHash);
      if (session !== null) {
        await deps.accounts.deleteSession(tokenHash);
        await deps.onAccessChanged({ userId: session.userId });
      }
    }
    clearSessionCookie(c, deps.site);
    return c.body(null, 204);
  });

  api.get('/me', auth, (c) => c.json(toMe(c.get('auth').user)));

  api.post('/me/password', auth, jsonBody(changePasswordRequestSchema), async (c) => {
    const { currentPassword, newPassword } = c.get('body');
    const { user, kind, tokenHash } = c.get('auth');
    if (newPassword === currentPassword) {
      // Above all for a one-time password, which someone else has seen.
      throw ApiError.badRequest('The new password must differ from the current one', 'newPassword');
    }
    const input = { username: user.username, password: currentPassword, user };
    if (!(await checkPassword(c, deps, input))) {
      throw ApiError.unauthorized('The current password is wrong');
    }
    const hash = await deps.passwords.hash(newPassword);
    await deps.accounts.setPasswordHash(user.id, hash, {
      endSessions: true,
      keepSession: kind === 'session' ? tokenHash : null,
    });
    // A new password is how someone takes their account back: tokens made with the old one end too.
    const revokedApiTokens = await deps.accounts.revokeApiTokensOf(user.id, deps.now());
    await deps.onAccessChanged({ userId: user.id });
    return c.json({ revokedApiTokens });
  });
}
