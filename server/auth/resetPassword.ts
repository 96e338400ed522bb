import type { UserId } from '../../shared/index';
import { oneTimePassword } from '../roster/oneTimePassword';
import type { AccountStore } from '../storage/AccountStore';

export interface ResetPasswordOptions {
  readonly accounts: Pick<AccountStore, 'setPasswordHash' | 'revokeApiTokensOf'>;
  /** Hashes the new one-time password for storage (PasswordHasher.hashOneTimePassword). */
  readonly hashOneTimePassword: (password: string) => Promise<string>;
  readonly now: number;
}

export interface PasswordResetOutcome {
  /** Shown once to whoever reset it; never stored. */
  readonly oneTimePassword: string;
  /** How many API tokens of the person stopped working. */
  readonly revokedApiTokens: number;
}

/**
 * Gives a person a new one-time password, for someone who forgot theirs or whose account may be
 * in other hands: every way into the account ends with it, sessions and API tokens alike, and
 * they choose their own password after signing in. Used by `npm run admin -- reset-password` and
 * `POST /api/people/:id/reset-password`; the caller closes live connections where it can.
 */
export async function resetPassword(userId: UserId, options: ResetPasswordOptions): Promise<PasswordResetOutcome> {
  const password = oneTimePassword();
  await options.accounts.setPasswordHash(userId, await options.hashOneTimePassword(password), {
    endSessions: true,
    mustChangePassword: true,
  });
  const revokedApiTokens = await options.accounts.revokeApiTokensOf(userId, options.now);
  return { oneTimePassword: password, revokedApiTokens };
}
