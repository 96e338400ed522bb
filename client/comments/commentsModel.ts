import * as Y from 'yjs';
import { z } from 'zod';
import type { UserId } from '../../shared';
import { MAX_MENTIONS } from '../../shared/api/review';
import { userIdSchema } from '../../shared/api/schemas';
import { newCommentId } from './commentIds';

/**
 * The comment threads of one document, kept in its comments Y.Doc (room `<id>.comments`):
 * `threads` maps a thread id to a Y.Map of the thread, whose `comments` is a Y.Array of Y.Maps.
 * Each field is its own map entry, so that a reply, a resolution and an edit made at the same
 * time on different devices all survive the merge.
 *
 * Anyone who may comment may write anything into this doc (the relay cannot read it), so what is
 * read back is validated, and the rules on who may edit what are kept here, by every client.
 */

/** The root map of the comments doc. */
export const THREADS_KEY = 'threads';
/** Longest comment; a comment is a remark on a passage, not a second document. */
export const MAX_COMMENT_LENGTH = 2000;
/** Longest quote kept with a thread: enough to recognise the passage once it is deleted. */
export const MAX_QUOTE_LENGTH = 300;

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

export const CommentErrorCode = {
  notFound: 'not_found',
  notAuthor: 'not_author',
  invalid: 'invalid',
} as const;
export type CommentErrorCode = (typeof CommentErrorCode)[keyof typeof CommentErrorCode];

/** A change to the threads that is refused: unknown thread or comment, someone else's, bad input. */
export class CommentError extends Error {
  readonly code: CommentErrorCode;

  constructor(code: CommentErrorCode, message: string) {
    super(message);
    this.name = 'CommentError';
    this.code = code;
  }
}

const textSchema = z.string().trim().min(1, 'must not be empty').max(MAX_COMMENT_LENGTH);
const mentionsSchema = z.array(userIdSchema).max(MAX_MENTIONS);

const commentSchema = z.object({
  id: z.string().min(1),
  authorId: userIdSchema,
  text: z.string().max(MAX_COMMENT_LENGTH),
  mentions: mentionsSchema.catch([]),
  createdAt: z.number(),
  editedAt: z.number().nullable().catch(null),
  isDeleted: z.boolean(),
});

const threadSchema = z.object({
  id: z.string().min(1),
  anchorStart: z.instanceof(Uint8Array),
  anchorEnd: z.instanceof(Uint8Array),
  quote: z.string().max(MAX_QUOTE_LENGTH),
  authorId: userIdSchema,
  createdAt: z.number(),
  resolved: z.boolean().catch(false),
  resolvedBy: userIdSchema.nullable().catch(null),
  resolvedAt: z.number().nullable().catch(null),
});

function threadsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(THREADS_KEY);
}

function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CommentError(CommentErrorCode.invalid, `${what} ${issue?.message ?? 'is invalid'}`);
  }
  return result.data;
}

function commentMap(id: string, authorId: UserId, text: string, mentions: readonly UserId[], now: number) {
  const map = new Y.Map<unknown>();
  map.set('id', id);
  map.set('authorId', authorId);
  map.set('text', text);
  map.set('mentions', [...new Set(mentions)]);
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
  const text = parseInput(textSchema, input.text, 'The comment');
  const mentions = parseInput(mentionsSchema, input.mentions ?? [], 'The mentions');
  const now = input.now ?? Date.now();
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
    throw new CommentError(CommentErrorCode.notFound, `Thread ${threadId} does not exist in this document`);
  }
  return thread;
}

function commentList(thread: Y.Map<unknown>): Y.Array<Y.Map<unknown>> {
  const comments = thread.get('comments');
  if (!(comments instanceof Y.Array)) {
    throw new CommentError(CommentErrorCode.invalid, `Thread ${String(thread.get('id'))} has no comment list`);
  }
  return comments as Y.Array<Y.Map<unknown>>;
}

/** The comment's map, when `actorId` wrote it and it is not deleted; throws otherwise. */
function ownComment(doc: Y.Doc, threadId: string, commentId: string, actorId: UserId): Y.Map<unknown> {
  const comment = commentList(threadMap(doc, threadId))
    .toArray()
    .find((each) => each instanceof Y.Map && each.get('id') === commentId);
  if (comment === undefined || comment.get('isDeleted') === true) {
    throw new CommentError(CommentErrorCode.notFound, `Comment ${commentId} does not exist in thread ${threadId}`);
  }
  if (comment.get('authorId') !== actorId) {
    throw new CommentError(CommentErrorCode.notAuthor, `Comment ${commentId} was written by someone else`);
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
  const text = parseInput(textSchema, input.text, 'The reply');
  const mentions = parseInput(mentionsSchema, input.mentions ?? [], 'The mentions');
  const comments = commentList(threadMap(doc, input.threadId));
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
  const text = parseInput(textSchema, input.text, 'The comment');
  const mentions = parseInput(mentionsSchema, input.mentions ?? [], 'The mentions');
  const comment = ownComment(doc, input.threadId, input.commentId, input.actorId);
  doc.transact(() => {
    comment.set('text', text);
    comment.set('mentions', [...new Set(mentions)]);
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

function readComment(value: unknown): Comment | null {
  if (!(value instanceof Y.Map)) {
    return null;
  }
  const parsed = commentSchema.safeParse(value.toJSON());
  return parsed.success ? parsed.data : null;
}

/** One thread as plain data; null when it does not exist or what is stored is not a thread. */
export function readThread(doc: Y.Doc, threadId: string): Thread | null {
  const value = threadsOf(doc).get(threadId);
  return value instanceof Y.Map ? toThread(value) : null;
}

function toThread(map: Y.Map<unknown>): Thread | null {
  const fields = threadSchema.safeParse({
    id: map.get('id'),
    anchorStart: map.get('anchorStart'),
    anchorEnd: map.get('anchorEnd'),
    quote: map.get('quote'),
    authorId: map.get('authorId'),
    createdAt: map.get('createdAt'),
    resolved: map.get('resolved'),
    resolvedBy: map.get('resolvedBy'),
    resolvedAt: map.get('resolvedAt'),
  });
  const list = map.get('comments');
  if (!fields.success || !(list instanceof Y.Array)) {
    return null;
  }
  const { anchorStart, anchorEnd, ...rest } = fields.data;
  const comments = list.toArray().flatMap((each) => readComment(each) ?? []);
  return { ...rest, anchor: { start: anchorStart, end: anchorEnd }, comments };
}

export interface ListOptions {
  /**
   * The thread's position in the document (its start), or null when its passage is gone. Threads
   * with a position come first in document order; the others follow, oldest first.
   */
  readonly positionOf?: (thread: Thread) => number | null;
}

/**
 * Sorts threads into document order by `positionOf` (their start); those whose passage is gone
 * (null) follow, oldest first. Ties and unplaced threads are ordered by creation.
 */
export function sortThreads(threads: readonly Thread[], positionOf: (thread: Thread) => number | null): Thread[] {
  const placed = threads.map((thread) => ({ thread, position: positionOf(thread) }));
  placed.sort((a, b) => {
    if (a.position !== null && b.position !== null && a.position !== b.position) {
      return a.position - b.position;
    }
    if ((a.position === null) !== (b.position === null)) {
      return a.position === null ? 1 : -1;
    }
    return a.thread.createdAt - b.thread.createdAt || a.thread.id.localeCompare(b.thread.id);
  });
  return placed.map((entry) => entry.thread);
}

/**
 * Every thread with at least one comment not deleted, in document order when `positionOf` is
 * given, otherwise oldest first. Entries that are not valid threads are left out.
 */
export function listThreads(doc: Y.Doc, options: ListOptions = {}): Thread[] {
  const threads: Thread[] = [];
  for (const value of threadsOf(doc).values()) {
    const thread = value instanceof Y.Map ? toThread(value) : null;
    if (thread?.comments.some((comment) => !comment.isDeleted)) {
      threads.push(thread);
    }
  }
  return sortThreads(threads, options.positionOf ?? (() => null));
}

/** Calls `onChange` after every change of the threads (local, stored or remote). */
export function observeThreads(doc: Y.Doc, onChange: () => void): () => void {
  const threads = threadsOf(doc);
  const listener = (): void => onChange();
  threads.observeDeep(listener);
  return () => threads.unobserveDeep(listener);
}
