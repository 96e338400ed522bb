import type { UserRecord } from '../storage/AccountStore';
import { type AdminContext, AdminRefusal } from './AdminIo';

/** The active account with this username; refuses with a message naming the database otherwise. */
export async function findAccount(context: AdminContext, username: string): Promise<UserRecord> {
  const user = await context.accounts.findUserByUsername(username.trim().toLowerCase());
  if (user === null) {
    throw new AdminRefusal(
      `There is no account "${username}" in ${context.databaseLocation}. Check the username, and DATA_DIR or DATABASE_URL if the server uses another database.`,
    );
  }
  if (!user.isActive) {
    throw new AdminRefusal(
      `The account "${user.username}" (${user.name}) is deactivated; the secretariat can reactivate it in the app first.`,
    );
  }
  return user;
}
