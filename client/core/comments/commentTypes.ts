import type * as Y from 'yjs';
import { z } from 'zod';
import type { UserId } from '../../../shared';
import { userIdSchema } from '../../../shared/api/schemas';
import { MAX_MENTIONS, THREADS_KEY } from '../../../shared/domain/comments';

/**
 * The shape of a document's comments Y.Doc (room `<id>.comments`): `threads` maps a thread id to
 * a Y.Map of the thread, whose `comments` is a Y.Array of Y.Maps. Each field is its own map
 * entry, so that a reply, a resolution and an edit made at the same time on different devices
 * all survive the merge.
 */

// The limits and the rules are shared with the relay, which refuses what breaks them
// (shared/domain/comments.ts, docs/RULES.md "Comments").
export { MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH, THREADS_KEY } from '../../../shared/domain/comments';

/** Where a thread is anchored: two encoded Yjs relative positions in the content's body. */
export interface EncodedAnchor {
  readonly start: Uint8Array;
  readonly end: Uint8Array;
}

export interface Comment {
  readonly id: string;
  readonly authorId: UserId;
  /** Empty once deleted. */
  readonly text: string;
  /** The people the comment @mentions, by id. */
  readonly mentions: readonly UserId[];
  readonly createdAt: number;
  readonly editedAt: number | null;
  readonly isDeleted: boolean;
}

export interface Thread {
  readonly id: string;
  readonly anchor: EncodedAnchor;
  /** The passage as it read when the thread was opened. */
  readonly quote: string;
  readonly authorId: UserId;
  readonly createdAt: number;
  readonly resolved: boolean;
  readonly resolvedBy: UserId | null;
  readonly resolvedAt: number | null;
  /** The first comment opens the thread; the others are replies, oldest first. */
  readonly comments: readonly Comment[];
}

/** The people one comment mentions (as many as a mention notification may name). */
export const mentionsSchema = z.array(userIdSchema).max(MAX_MENTIONS);

/** The root map of threads in a comments doc. */
export function threadsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(THREADS_KEY);
}
