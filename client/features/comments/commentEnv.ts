import type { TFunction } from 'i18next';
import type * as Y from 'yjs';
import type { DocId, UserId } from '../../../shared';
import { MAX_EXCERPT_LENGTH } from '../../../shared/api/review';
import type { Person } from '../../../shared/api/schemas';
import { ClientError, ClientErrorCode, toError } from '../../core/errors';
import type { ReviewRuntime } from '../../core/review';
import { nameOf } from '../docs/peopleNames';
import type { MentionCandidate } from './mentionText';

/** What every part of the comments panel needs: the threads' doc, who is writing, who is who. */
export interface CommentEnv {
  readonly docId: DocId;
  readonly doc: Y.Doc;
  /** The signed-in user; null while signed out (then nothing can be written). */
  readonly meId: UserId | null;
  readonly people: ReadonlyMap<UserId, Person>;
  /** The document group's members other than the writer, for @mentions. */
  readonly candidates: readonly MentionCandidate[];
  /** Whether the user may write comments now (P9, and the relay has not refused). */
  readonly canComment: boolean;
  /** Shows why a change failed, or clears the message with null. */
  readonly onError: (message: string | null) => void;
  /** Queues the notification of the people a comment mentions. */
  readonly review: Pick<ReviewRuntime, 'queueMention'>;
  /** The server's time, which comments are stamped with (the relay refuses a clock far ahead). */
  readonly now: () => number;
  readonly t: TFunction;
}

/** A change to the threads the comments model refuses: unknown, someone else's, or bad input. */
function isCommentRefusal(err: unknown): err is ClientError & { code: 'not_found' | 'not_author' | 'invalid_input' } {
  return (
    err instanceof ClientError &&
    [ClientErrorCode.notFound, ClientErrorCode.notAuthor, ClientErrorCode.invalidInput].some(
      (code) => code === err.code,
    )
  );
}

/** Makes a change to the threads; a refusal is shown, not thrown. Returns whether it was made. */
export function runChange(env: CommentEnv, change: () => void): boolean {
  try {
    change();
    env.onError(null);
    return true;
  } catch (err) {
    env.onError(isCommentRefusal(err) ? env.t(`comments.error.${err.code}`) : toError(err).message);
    return false;
  }
}

/** Queues the notification of the people a new or edited comment mentions (sent when online). */
export function notifyMentions(
  env: CommentEnv,
  ids: { readonly threadId: string; readonly commentId: string },
  userIds: readonly UserId[],
  text: string,
): void {
  const others = userIds.filter((id) => id !== env.meId);
  if (others.length === 0) {
    return;
  }
  const input = { ...ids, userIds: others, excerpt: text.slice(0, MAX_EXCERPT_LENGTH) };
  env.review.queueMention(env.docId, input).catch((err: unknown) => env.onError(toError(err).message));
}

/** A person's name, or 未知成员. */
export function personName(env: CommentEnv, id: UserId | null): string {
  return nameOf(id, env.people, env.t);
}
