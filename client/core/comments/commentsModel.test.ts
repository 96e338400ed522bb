import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { UserId } from '../../../shared';
import { ClientErrorCode } from '../errors';
import { isCommentId } from './commentIds';
import {
  addReply,
  createThread,
  deleteComment,
  type EncodedAnchor,
  editComment,
  listThreads,
  MAX_COMMENT_LENGTH,
  observeThreads,
  readThread,
  setResolved,
  THREADS_KEY,
} from './commentsModel';

const CHAIR = '00000000-0000-4000-8000-000000000001' as UserId;
const MEMBER = '00000000-0000-4000-8000-000000000002' as UserId;
const ANCHOR: EncodedAnchor = { start: new Uint8Array([1]), end: new Uint8Array([2]) };

function open(doc: Y.Doc, text = '建议补充资金来源', now = 1000) {
  return createThread(doc, { anchor: ANCHOR, quote: '资金分摊', authorId: CHAIR, text, mentions: [MEMBER], now });
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function errorCodeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (err) {
    return (err as { code?: string }).code ?? 'no code';
  }
}

describe('comment threads in the comments doc', () => {
  it('opens a thread with its quote, anchor, author and first comment, with url-safe ids', () => {
    const doc = new Y.Doc();
    const { threadId, commentId } = open(doc);
    expect(isCommentId(threadId) && threadId.length >= 16).toBe(true);
    expect(isCommentId(commentId)).toBe(true);
    const thread = readThread(doc, threadId);
    expect(thread).toMatchObject({
      id: threadId,
      quote: '资金分摊',
      authorId: CHAIR,
      createdAt: 1000,
      resolved: false,
      resolvedBy: null,
      comments: [{ id: commentId, authorId: CHAIR, text: '建议补充资金来源', mentions: [MEMBER], isDeleted: false }],
    });
    expect([...(thread?.anchor.start ?? [])]).toEqual([1]);
  });

  it('adds replies in order, and lets only the author edit or delete a comment', () => {
    const doc = new Y.Doc();
    const { threadId, commentId } = open(doc);
    const replyId = addReply(doc, { threadId, authorId: MEMBER, text: '已补充', now: 2000 });
    expect(errorCodeOf(() => editComment(doc, { threadId, commentId, actorId: MEMBER, text: '改' }))).toBe(
      ClientErrorCode.notAuthor,
    );
    expect(errorCodeOf(() => deleteComment(doc, { threadId, commentId: replyId, actorId: CHAIR }))).toBe(
      ClientErrorCode.notAuthor,
    );
    editComment(doc, { threadId, commentId, actorId: CHAIR, text: '请补充资金来源', mentions: [], now: 3000 });
    deleteComment(doc, { threadId, commentId: replyId, actorId: MEMBER, now: 4000 });
    const comments = readThread(doc, threadId)?.comments ?? [];
    expect(comments.map((c) => [c.text, c.editedAt, c.isDeleted, c.mentions])).toEqual([
      ['请补充资金来源', 3000, false, []],
      ['', 4000, true, []],
    ]);
    expect(errorCodeOf(() => editComment(doc, { threadId, commentId: replyId, actorId: MEMBER, text: 'x' }))).toBe(
      ClientErrorCode.notFound,
    );
  });

  it('refuses empty and overlong comments and unknown threads', () => {
    const doc = new Y.Doc();
    expect(errorCodeOf(() => open(doc, '   '))).toBe(ClientErrorCode.invalidInput);
    expect(errorCodeOf(() => open(doc, 'x'.repeat(MAX_COMMENT_LENGTH + 1)))).toBe(ClientErrorCode.invalidInput);
    expect(errorCodeOf(() => addReply(doc, { threadId: 'missing-thread', authorId: MEMBER, text: 'x' }))).toBe(
      ClientErrorCode.notFound,
    );
    expect(doc.getMap(THREADS_KEY).size).toBe(0);
  });

  it('resolves and reopens a thread, saying who resolved it and when', () => {
    const doc = new Y.Doc();
    const { threadId } = open(doc);
    setResolved(doc, { threadId, actorId: MEMBER, resolved: true, now: 5000 });
    expect(readThread(doc, threadId)).toMatchObject({ resolved: true, resolvedBy: MEMBER, resolvedAt: 5000 });
    setResolved(doc, { threadId, actorId: CHAIR, resolved: false });
    expect(readThread(doc, threadId)).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null });
  });

  it('keeps a reply and a resolution made at the same time on two devices', () => {
    const a = new Y.Doc();
    const { threadId } = open(a);
    const b = new Y.Doc();
    sync(a, b);
    addReply(a, { threadId, authorId: MEMBER, text: '离线回复' });
    setResolved(b, { threadId, actorId: CHAIR, resolved: true });
    sync(a, b);
    for (const doc of [a, b]) {
      expect(readThread(doc, threadId)).toMatchObject({ resolved: true, comments: [{}, { text: '离线回复' }] });
    }
  });

  it('lists threads in document order, passages that are gone last, and hides fully deleted threads', () => {
    const doc = new Y.Doc();
    const first = open(doc, '一', 1).threadId;
    const second = open(doc, '二', 2).threadId;
    const third = open(doc, '三', 3);
    const gone = open(doc, '四', 4).threadId;
    deleteComment(doc, { threadId: third.threadId, commentId: third.commentId, actorId: CHAIR });
    const positions = new Map([
      [first, 40],
      [second, 10],
      [gone, null],
    ]);
    const listed = listThreads(doc, { positionOf: (thread) => positions.get(thread.id) ?? null });
    expect(listed.map((thread) => thread.id)).toEqual([second, first, gone]);
    expect(listThreads(doc).map((thread) => thread.id)).toEqual([first, second, gone]);
  });

  it('tells observers which threads a change touched', () => {
    const doc = new Y.Doc();
    const first = open(doc).threadId;
    const second = open(doc).threadId;
    const seen: string[][] = [];
    const stop = observeThreads(doc, (ids) => seen.push([...ids].sort()));
    addReply(doc, { threadId: first, authorId: MEMBER, text: '回复' });
    setResolved(doc, { threadId: second, actorId: MEMBER, resolved: true });
    const third = open(doc).threadId;
    stop();
    addReply(doc, { threadId: first, authorId: MEMBER, text: '不再观察' });
    expect(seen).toEqual([[first], [second], [third]]);
  });

  it('leaves out what another client stored that is not a valid thread or comment', () => {
    const doc = new Y.Doc();
    const { threadId } = open(doc);
    doc.getMap(THREADS_KEY).set('junk', new Y.Map());
    const comments = doc.getMap<Y.Map<unknown>>(THREADS_KEY).get(threadId)?.get('comments') as Y.Array<unknown>;
    comments.push([new Y.Map([['text', 42]])]);
    expect(listThreads(doc).map((thread) => [thread.id, thread.comments.length])).toEqual([[threadId, 1]]);
  });
});
