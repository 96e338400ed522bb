import { oneTimePassword } from '../roster/oneTimePassword';
import type { AdminContext } from './AdminIo';
import { findAccount } from './findAccount';

/**
 * Gives a user a new one-time password, for someone who forgot theirs. Their sessions end, and
 * they are asked to choose their own password after signing in.
 */
export async function resetPasswordCommand(context: AdminContext, username: string): Promise<void> {
  const user = await findAccount(context, username);
  const password = oneTimePassword();
  await context.accounts.setPasswordHash(user.id, await context.hashPassword(password), {
    endSessions: true,
    mustChangePassword: true,
  });
  const { out } = context.io;
  out(`New one-time password for ${user.name} (${user.username}): ${password}`);
  out('Hand it to them in person or by phone. Their other sign-ins have ended; after signing in');
  out('with this password they choose their own. It is not stored and will not be shown again.');
}
