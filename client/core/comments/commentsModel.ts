import * as Y from 'yjs';
import type { UserId } from '../../../shared';
import {
  commentTextProblem,
  MAX_ANCHOR_BYTES,
  MAX_COMMENTS_PER_THREAD,
  MAX_THREADS_PER_DOC,
  mentionsProblem,
} from '../../../shared/domain/comments';
import { ClientError, ClientErrorCode } from '../errors';
import { newCommentId } from './commentIds';
import { type EncodedAnchor, MAX_QUOTE_LENGTH, threadsOf } from './commentTypes';

/**
 * Changes to a document's comment threads, in its comments Y.Doc (shape in commentTypes.ts).
 * The relay judges every update to a comments room by the shared rules (docs/RULES.md
 * "Comments") and closes a connection that breaks them; these functions keep the same rules
 * (the author alone edits or deletes a comment, the limits), so that an honest client never
 * writes what the relay refuses. Reading is in readThreads.ts; both are exported from here.
 */

export type { Comment, EncodedAnchor, Thread } from './commentTypes';
export {
  MAX_COMMENT_LENGTH,
  MAX_QUOTE_LENGTH,
  THREADS_KEY,
} from './commentTypes';
export { isListed, type ListOptions, listThreads, observeThreads, readThread, sortThreads } from './readThreads';

function invalid(message: string): ClientError {
  return new ClientError({ code: ClientErrorCode.invalidInput, message });
}

/** The text as stored: trimmed, and within the shared rules (CM5), which the relay applies too. */
function parseText(text: string, what: string): string {
  const trimmed = text.trim();
  const problem = commentTextProblem(trimmed);
  if (problem !== null) {
    throw invalid(`${what} ${problem}`);
  }
  return trimmed;
}

/** The mentions as stored: each person once, within the shared rules (CM5). */
function parseMentions(mentions: readonly UserId[] | undefined): UserId[] {
  const distinct = [...new Set(mentions ?? [])];
  const problem = mentionsProblem(distinct);
  if (problem !== null) {
    throw invalid(`The mentions ${problem}`);
  }
  return distinct;
}

function commentMap(id: string, authorId: UserId, text: string, mentions: readonly UserId[], now: number) {
  const map = new Y.Map<unknown>();
  map.set('id', id);
  map.set('authorId', authorId);
  map.set('text', text);
  map.set('mentions', [...mentions]);
  map.set('createdAt', now);
  map.set('editedAt', null);
  map.set('isDeleted', false);
  return map;
}

export interface NewThread {
  readonly anchor: EncodedAnchor;
  readonly quote: string;
  readonly authorId: UserId;
  readonly text: string;
  readonly mentions?: readonly UserId[];
  readonly now?: number;
}

/** Opens a thread on a passage with its first comment; returns the new ids. */
export function createThread(doc: Y.Doc, input: NewThread): { threadId: string; commentId: string } {
  const text = parseText(input.text, 'The comment');
  const mentions = parseMentions(input.mentions);
  const now = input.now ?? Date.now();
  if (input.anchor.start.byteLength > MAX_ANCHOR_BYTES || input.anchor.end.byteLength > MAX_ANCHOR_BYTES) {
    throw invalid('The passage cannot be anchored');
  }
  if (threadsOf(doc).size >= MAX_THREADS_PER_DOC) {
    throw invalid(`This document has ${MAX_THREADS_PER_DOC} threads, as many as it may have`);
  }
  const threadId = newCommentId();
  const commentId = newCommentId();
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    thread.set('id', threadId);
    thread.set('anchorStart', input.anchor.start);
    thread.set('anchorEnd', input.anchor.end);
    thread.set('quote', input.quote.slice(0, MAX_QUOTE_LENGTH));
    thread.set('authorId', input.authorId);
    thread.set('createdAt', now);
    thread.set('resolved', false);
    thread.set('resolvedBy', null);
    thread.set('resolvedAt', null);
    const comments = new Y.Array<Y.Map<unknown>>();
    comments.push([commentMap(commentId, input.authorId, text, mentions, now)]);
    thread.set('comments', comments);
    threadsOf(doc).set(threadId, thread);
  });
  return { threadId, commentId };
}

function threadMap(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = threadsOf(doc).get(threadId);
  if (!(thread instanceof Y.Map)) {
    throw new ClientError({
      code: ClientErrorCode.notFound,
      message: `Thread ${threadId} does not exist in this document`,
    });
  }
  return thread;
}

function commentList(thread: Y.Map<unknown>): Y.Array<Y.Map<unknown>> {
  const comments = thread.get('comments');
  if (!(comments instanceof Y.Array)) {
    throw new ClientError({
      code: ClientErrorCode.invalidInput,
      message: `Thread ${String(thread.get('id'))} has no comment list`,
    });
  }
  return comments as Y.Array<Y.Map<unknown>>;
}

/** The comment's map, when `actorId` wrote it and it is not deleted; throws otherwise. */
function ownComment(doc: Y.Doc, threadId: string, commentId: string, actorId: UserId): Y.Map<unknown> {
  const comment = commentList(threadMap(doc, threadId))
    .toArray()
    .find((each) => each instanceof Y.Map && each.get('id') === commentId);
  if (comment === undefined || comment.get('isDeleted') === true) {
    throw new ClientError({
      code: ClientErrorCode.notFound,
      message: `Comment ${commentId} does not exist in thread ${threadId}`,
    });
  }
  if (comment.get('authorId') !== actorId) {
    throw new ClientError({
      code: ClientErrorCode.notAuthor,
      message: `Comment ${commentId} was written by someone else`,
    });
  }
  return comment;
}

export interface NewReply {
  readonly threadId: string;
  readonly authorId: UserId;
  readonly text: string;
  readonly mentions?: readonly UserId[];
  readonly now?: number;
}

/** Adds a reply at the end of a thread; returns its id. */
export function addReply(doc: Y.Doc, input: NewReply): string {
  const text = parseText(input.text, 'The reply');
  const mentions = parseMentions(input.mentions);
  const comments = commentList(threadMap(doc, input.threadId));
  if (comments.length >= MAX_COMMENTS_PER_THREAD) {
    throw invalid(`Thread ${input.threadId} has ${MAX_COMMENTS_PER_THREAD} comments, as many as it may have`);
  }
  const commentId = newCommentId();
  comments.push([commentMap(commentId, input.authorId, text, mentions, input.now ?? Date.now())]);
  return commentId;
}

export interface CommentEdit {
  readonly threadId: string;
  readonly commentId: string;
  /** Only the author may edit or delete a comment. */
  readonly actorId: UserId;
  readonly now?: number;
}

/** Replaces the text (and mentions) of one's own comment. */
export function editComment(
  doc: Y.Doc,
  input: CommentEdit & { readonly text: string; readonly mentions?: readonly UserId[] },
): void {
  const text = parseText(input.text, 'The comment');
  const mentions = parseMentions(input.mentions);
  const comment = ownComment(doc, input.threadId, input.commentId, input.actorId);
  doc.transact(() => {
    comment.set('text', text);
    comment.set('mentions', mentions);
    comment.set('editedAt', input.now ?? Date.now());
  });
}

/** Deletes one's own comment: its place stays in the thread, shown as deleted, its text is gone. */
export function deleteComment(doc: Y.Doc, input: CommentEdit): void {
  const comment = ownComment(doc, input.threadId, input.commentId, input.actorId);
  doc.transact(() => {
    comment.set('isDeleted', true);
    comment.set('text', '');
    comment.set('mentions', []);
    comment.set('editedAt', input.now ?? Date.now());
  });
}

/** Resolves a thread or reopens it; anyone who may comment may do either. */
export function setResolved(
  doc: Y.Doc,
  input: { readonly threadId: string; readonly actorId: UserId; readonly resolved: boolean; readonly now?: number },
): void {
  const thread = threadMap(doc, input.threadId);
  doc.transact(() => {
    thread.set('resolved', input.resolved);
    thread.set('resolvedBy', input.resolved ? input.actorId : null);
    thread.set('resolvedAt', input.resolved ? (input.now ?? Date.now()) : null);
  });
}
