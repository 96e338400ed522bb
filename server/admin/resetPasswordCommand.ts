import { resetPassword } from '../auth/resetPassword';
import type { AdminContext } from './AdminIo';
import { findAccount } from './findAccount';

/**
 * Gives a user a new one-time password, for someone who forgot theirs. Their sessions end and
 * their API tokens are revoked, and they are asked to choose their own password after signing in.
 */
export async function resetPasswordCommand(context: AdminContext, username: string): Promise<void> {
  const user = await findAccount(context, username);
  const { oneTimePassword, revokedApiTokens } = await resetPassword(user.id, {
    accounts: context.accounts,
    hashOneTimePassword: context.hashPassword,
    now: context.now(),
  });
  const { out } = context.io;
  out(`New one-time password for ${user.name} (${user.username}): ${oneTimePassword}`);
  out('Hand it to them in person or by phone. Their other sign-ins have ended, and their API tokens');
  out(`were revoked (${revokedApiTokens}); after signing in with this password they choose their own.`);
  out('A document someone has open with them stays connected until it reconnects; to close those at');
  out('once, reset the password in the app instead. It is not stored and will not be shown again.');
}
