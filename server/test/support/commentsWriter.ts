import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import type { UserId } from '../../../shared/index';

/**
 * Writes a comments Y.Doc the way the app's model does (client/core/comments/commentsModel.ts,
 * which the server may not import): each field its own map entry, ids of 22 url-safe characters.
 * Tests of the relay's comment rules use it for honest changes and start dishonest ones from it.
 */

/** A new thread or comment id, as the app makes them. */
export function newCommentId(): string {
  return randomBytes(16).toString('base64url');
}

export function threadsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>('threads');
}

/** A comment's map with the fields an honest client writes. */
export function commentMap(authorId: UserId, text: string, options: { now?: number; mentions?: UserId[] } = {}) {
  const map = new Y.Map<unknown>();
  map.set('id', newCommentId());
  map.set('authorId', authorId);
  map.set('text', text);
  map.set('mentions', options.mentions ?? []);
  map.set('createdAt', options.now ?? Date.now());
  map.set('editedAt', null);
  map.set('isDeleted', false);
  return map;
}

/** Opens a thread with its first comment; returns the ids. */
export function openThread(
  doc: Y.Doc,
  authorId: UserId,
  text: string,
  options: { now?: number; mentions?: UserId[]; quote?: string } = {},
): { threadId: string; commentId: string } {
  const threadId = newCommentId();
  const comment = commentMap(authorId, text, options);
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    thread.set('id', threadId);
    thread.set('anchorStart', new Uint8Array([1, 2, 3]));
    thread.set('anchorEnd', new Uint8Array([1, 2, 4]));
    thread.set('quote', options.quote ?? '乡村养老');
    thread.set('authorId', authorId);
    thread.set('createdAt', options.now ?? Date.now());
    thread.set('resolved', false);
    thread.set('resolvedBy', null);
    thread.set('resolvedAt', null);
    const comments = new Y.Array<Y.Map<unknown>>();
    comments.push([comment]);
    thread.set('comments', comments);
    threadsOf(doc).set(threadId, thread);
  });
  return { threadId, commentId: comment.get('id') as string };
}

export function threadMap(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = threadsOf(doc).get(threadId);
  if (thread === undefined) {
    throw new Error(`No thread ${threadId}`);
  }
  return thread;
}

export function commentList(doc: Y.Doc, threadId: string): Y.Array<Y.Map<unknown>> {
  return threadMap(doc, threadId).get('comments') as Y.Array<Y.Map<unknown>>;
}

export function commentIn(doc: Y.Doc, threadId: string, commentId: string): Y.Map<unknown> {
  const comment = commentList(doc, threadId)
    .toArray()
    .find((each) => each.get('id') === commentId);
  if (comment === undefined) {
    throw new Error(`No comment ${commentId} in thread ${threadId}`);
  }
  return comment;
}

/** Adds a reply; returns its id. */
export function reply(
  doc: Y.Doc,
  threadId: string,
  authorId: UserId,
  text: string,
  options: { now?: number; mentions?: UserId[] } = {},
): string {
  const comment = commentMap(authorId, text, options);
  commentList(doc, threadId).push([comment]);
  return comment.get('id') as string;
}

export function editComment(doc: Y.Doc, threadId: string, commentId: string, text: string): void {
  const comment = commentIn(doc, threadId, commentId);
  doc.transact(() => {
    comment.set('text', text);
    comment.set('mentions', []);
    comment.set('editedAt', Date.now());
  });
}

export function deleteComment(doc: Y.Doc, threadId: string, commentId: string): void {
  const comment = commentIn(doc, threadId, commentId);
  doc.transact(() => {
    comment.set('isDeleted', true);
    comment.set('text', '');
    comment.set('mentions', []);
    comment.set('editedAt', Date.now());
  });
}

/** Resolves (as `by`) or reopens (null) a thread. */
export function setResolved(doc: Y.Doc, threadId: string, by: UserId | null, now = Date.now()): void {
  const thread = threadMap(doc, threadId);
  doc.transact(() => {
    thread.set('resolved', by !== null);
    thread.set('resolvedBy', by);
    thread.set('resolvedAt', by === null ? null : now);
  });
}

/** The threads as JSON, for comparing what two sides hold. */
export function threadsJson(doc: Y.Doc): Record<string, unknown> {
  return threadsOf(doc).toJSON();
}
