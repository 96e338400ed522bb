import { randomUUID } from 'node:crypto';
import { type ApiTokenLifetimeDays, DAY_MS } from '../../shared/api/schemas';
import { hashToken, newToken } from '../auth/tokens';
import { tokenCreatedNotification } from '../review/tokenCreatedNotification';
import type { AdminContext } from './AdminIo';
import { findAccount } from './findAccount';

/** The name of a token issued without --name: where and when it came from. */
function defaultTokenName(now: number): string {
  return `admin command ${new Date(now).toISOString().slice(0, 10)}`;
}

/**
 * Issues a named API token for a user. Explanations come first; the token is alone on the last
 * line of stdout, so that a script can take it with `tail -n 1`.
 */
export async function tokenCommand(
  context: AdminContext,
  username: string,
  options: { readonly tokenName: string | null; readonly days: ApiTokenLifetimeDays },
): Promise<void> {
  const { tokenName, days } = options;
  const user = await findAccount(context, username);
  const token = newToken();
  const now = context.now();
  const record = await context.accounts.createApiToken({
    id: randomUUID(),
    userId: user.id,
    name: tokenName ?? defaultTokenName(now),
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: now + days * DAY_MS,
  });
  await context.notifications.addNotifications([tokenCreatedNotification(user, record.name, now)]);
  const { out } = context.io;
  out(`Created the API token "${record.name}" for ${user.name} (${user.username}).`);
  out(`It works until ${new Date(record.expiresAt).toISOString().slice(0, 10)} (${days} days), or until`);
  out('revoked, or until their password is changed or reset.');
  out('Send it as "Authorization: Bearer <token>" to the HTTP API, or as ?token=<token> to the relay.');
  out('It is shown only now. Anyone holding it acts as this person: keep it secret, and revoke it in');
  out("the app (the person's API tokens) when it is no longer needed. The token:");
  out(token);
}
