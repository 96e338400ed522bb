/**
 * The kinds of review records the server keeps and both sides read: timeline events, why a
 * version was saved, and notifications. `shared/api/review.ts` builds its schemas from them.
 */

/** What happened to a document, in the order it happened. Append-only on the server. */
export const DOC_EVENT_TYPES = [
  'submitted',
  'withdrawn',
  'returned',
  'approved',
  'filed',
  'version_saved',
  'reviewed',
  'cosign_invited',
  'cosigned',
  'cosign_withdrawn',
] as const;
export type DocEventType = (typeof DOC_EVENT_TYPES)[number];

/** Why a version was saved. */
export const VERSION_CAUSES = ['submit', 'return', 'approve', 'manual', 'review'] as const;
export type VersionCause = (typeof VERSION_CAUSES)[number];

/** What a person is told about. */
export const NOTIFICATION_TYPES = [
  'mention',
  'review_requested',
  /** A submission the person was asked to review was taken back by its author. */
  'withdrawn',
  'returned',
  'approved',
  /** A document was approved: the secretariat, who files it, hears that it waits for them (P12). */
  'approved_awaiting_filing',
  'filed',
  'cosign_requested',
  'cosign_outdated',
  /** An API token was made for the account: its owner hears, in case it was not them. No document. */
  'token_created',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
