/**
 * One account's review: documents' activity, queued transitions and mentions, co-signing, the
 * inbox and the live stream.
 */
export type { InboxSnapshot } from './Inbox';
export type { EventSourceLike } from './liveStream';
export { type QueuedReview, type QueuedTransition, queuedReviewOf } from './queuedReview';
export { ReviewRuntime, type ReviewRuntimeOptions } from './ReviewRuntime';
export { signedSnapshots } from './signatureSnapshots';
export {
  decodeSignatureSnapshot,
  encodeSignatureSnapshot,
  type SignatureState,
  signatureStateOf,
} from './signatureState';
