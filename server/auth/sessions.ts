import type { UserId } from '../../shared/index';
import type { AccountStore } from '../storage/AccountStore';
import { hashToken, newToken } from './tokens';

/** A session lasts 30 days from sign-in; after that the person signs in again. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A new session of `userId`, stored by its hash; resolves with the token to hand out (once). */
export async function startSession(
  store: Pick<AccountStore, 'createSession'>,
  userId: UserId,
  now: number,
): Promise<string> {
  const token = newToken();
  await store.createSession({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt: now + SESSION_TTL_MS });
  return token;
}
