/**
 * Reasons the relay sends with a close or a dropped update. The texts travel on the wire (any
 * y-websocket client can show them); the app shows its own words for the ones it knows.
 */
export const RelayReason = {
  signIn: 'sign in to open documents',
  expired: 'your session has expired: sign in again',
  deactivated: 'this account has been deactivated: ask the secretariat',
  notRegistered: 'this document is not registered on the server yet',
  notInGroup: "you are not a member of this document's group",
  readOnlyGroup: 'you may read but not edit documents of this group',
  archivedContent: 'this document is archived: restore it to edit it',
  archivedComments: 'this document is archived: comments are closed',
  inReview: 'this document is in review: only comments can be added',
  approved: 'this document is approved: only comments can be added',
  filed: 'this document is filed: it can no longer be changed',
  submitting: 'the document is being submitted for review',
  returning: 'the document is being returned for revision',
  approving: 'the document is being approved',
  filing: 'the document is being filed',
} as const;
export type RelayReasonKey = keyof typeof RelayReason;

/** Which known reason `text` is; null for any other text (shown as it is). */
export function relayReasonKey(text: string): RelayReasonKey | null {
  for (const [key, value] of Object.entries(RelayReason)) {
    if (value === text) {
      return key as RelayReasonKey;
    }
  }
  return null;
}
