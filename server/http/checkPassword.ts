import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from 'hono';
import type { UserRecord } from '../storage/AccountStore';
import { ApiError } from './ApiError';
import type { ApiDeps } from './apiEnv';
import { factsOfContext } from './SiteAddress';

/**
 * Checks a password under the throttle (LoginThrottle): refused with 429 when this address, or
 * this username from this address, failed too often; held a while when the username failed
 * often from everywhere, but then checked, so that its owner still gets in. The attempt counts as
 * a failure before the (slow) hash is checked, so parallel guesses are counted too; a success
 * then clears this username's failures from this address.
 */
export async function checkPassword(
  c: Context,
  deps: ApiDeps,
  input: { readonly username: string; readonly password: string; readonly user: UserRecord | null },
): Promise<boolean> {
  const attempt = { username: input.username, address: deps.site.clientAddressOf(factsOfContext(c)) };
  const refusal = await deps.throttle.refusal(attempt);
  if (refusal !== null) {
    throw ApiError.rateLimited(refusal.retryAfterSeconds, refusal.scope);
  }
  const delay = await deps.throttle.delayMs(attempt);
  await deps.throttle.recordFailure(attempt);
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
    await deps.throttle.recordSuccess(attempt);
  }
  return isValid;
}
