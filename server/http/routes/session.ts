import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, Hono } from 'hono';
import { changePasswordRequestSchema, signInRequestSchema } from '../../../shared/api/schemas';
import { hashIfTokenShaped } from '../../auth/tokens';
import type { UserRecord } from '../../storage/AccountStore';
import { ApiError } from '../ApiError';
import { toMe } from '../answers';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requestCredential, requireUser } from '../requireUser';
import { factsOfContext } from '../SiteAddress';
import { clearSessionCookie, signIn } from '../sessionCookie';
import { jsonBody } from '../validate';

/**
 * Checks a password under the throttle (LoginThrottle): refused with 429 when this address, or
 * this username from this address, failed too often; held a while when the username failed
 * often from everywhere, but then checked, so that its owner still gets in. The attempt counts as
 * a failure before the (slow) hash is checked, so parallel guesses are counted too; a success
 * then clears this username's failures from this address.
 */
async function checkPassword(
  c: Context,
  deps: ApiDeps,
  input: { readonly username: string; readonly password: string; readonly user: UserRecord | null },
): Promise<boolean> {
  const attempt = { username: input.username, address: deps.site.clientAddressOf(factsOfContext(c)) };
  const refusal = deps.throttle.refusal(attempt);
  if (refusal !== null) {
    throw ApiError.rateLimited(refusal.retryAfterSeconds, refusal.scope);
  }
  const delay = deps.throttle.delayMs(attempt);
  deps.throttle.recordFailure(attempt);
  if (delay > 0) {
    // Once when the slowdown starts, not at every guess: a flood must not flood the log too.
    if (delay === deps.throttle.firstSlowDelayMs) {
      deps.logger.warn('sign-ins for this username keep failing from several addresses; answers are slowed', {
        username: input.username,
      });
    }
    await sleep(delay);
  }
  const isValid =
    input.user === null
      ? await deps.passwords.verifyNobody(input.password)
      : await deps.passwords.verify(input.password, input.user.passwordHash);
  if (isValid) {
    deps.throttle.recordSuccess(attempt);
  }
  return isValid;
}

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
    await deps.onAccessChanged({ userId: user.id });
    return c.body(null, 204);
  });
}
