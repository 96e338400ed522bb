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
  'not_filed',
  'merged',
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
  /** The office did not file the proposal; the reason and what it became are in the event. */
  'not_filed',
  /** The proposal was filed under another's number (并案). */
  'merged',
  /** A proposal was handed to the person's unit (交办): accept or decline, then answer. */
  'handed_over',
  /** A unit declined its part: the office reassigns it. */
  'handling_declined',
  /** A unit answered the person's proposal: rate it. */
  'answered',
  /** The first proposer was not satisfied: the unit handles it again (重新办理). */
  'rehandling',
  /** The answer is late (催办). */
  'handling_overdue',
  /** A new message in the thread between the units and the proposers. */
  'handling_message',
  /** The call for proposals closes soon and the person's draft is not submitted (R1). */
  'call_closing',
  /** The call closes soon and a co-sign request to the person is unanswered (R1). */
  'call_closing_cosign',
  /** The call closes soon and a document waits for the person's review (R1). */
  'call_closing_review',
  'cosign_requested',
  'cosign_outdated',
  /** The person's report was adopted (采用) or given an instruction (批示) (U3). */
  'adopted',
  /** An API token was made for the account: its owner hears, in case it was not them. No document. */
  'token_created',
  /** The office or a convener reminds a member of their duty record (B5); the note is the excerpt. */
  'duty_reminder',
  /** A member's duty registration form was sent back, with the reason (B2). */
  'duty_returned',
  /** A member submitted their duty registration form: it waits for the convener or the office (B2). */
  'duty_submitted',
  /** A member asks the person who recorded a fact to correct it (B4). */
  'duty_correction',
  /** The correction request was answered (B4). */
  'duty_correction_answered',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
