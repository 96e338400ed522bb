import { randomUUID } from 'node:crypto';
import type { UserRecord } from '../storage/AccountStore';
import type { NewNotification } from '../storage/ReviewStore';

/**
 * The notification that tells a person an API token was made for their account (in the app or
 * with `npm run admin -- token`), so that one made by someone else with their password does not
 * go unnoticed. About no document: the token's name is its excerpt.
 */
export function tokenCreatedNotification(owner: UserRecord, tokenName: string, at: number): NewNotification {
  return {
    id: randomUUID(),
    userId: owner.id,
    type: 'token_created',
    docId: null,
    docTitle: '',
    actorId: owner.id,
    at,
    reason: null,
    excerpt: tokenName,
    threadId: null,
    commentId: null,
  };
}
