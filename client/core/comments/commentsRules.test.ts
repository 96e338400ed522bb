import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { UserId } from '../../../shared';
import { type CommentVerdict, judgeThreadChange, MAX_MENTIONS } from '../../../shared/domain/comments';
import { readPlainThread } from '../../../shared/domain/commentsDoc';
import { ClientErrorCode } from '../errors';
import {
  addReply,
  createThread,
  deleteComment,
  editComment,
  readThread,
  setResolved,
  THREADS_KEY,
} from './commentsModel';

/**
 * The model keeps the rules the relay judges comments by (docs/RULES.md, Comments): every change
 * it makes, judged as the relay judges it, is accepted, so an honest client is never closed.
 */

const CHAIR = '00000000-0000-4000-8000-000000000001' as UserId;
const MEMBER = '00000000-0000-4000-8000-000000000002' as UserId;
const ANCHOR = { start: new Uint8Array([1, 2, 3]), end: new Uint8Array([1, 2, 4]) };

/** Runs `change` on `doc` and judges every thread it touched as the relay would for `userId`. */
function judged(doc: Y.Doc, userId: UserId, change: () => void): CommentVerdict[] {
  const before = new Y.Doc({ gc: false });
  Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
  change();
  const threads = doc.getMap(THREADS_KEY);
  const keys = new Set([...before.getMap(THREADS_KEY).keys(), ...threads.keys()]);
  return [...keys].map((key) =>
    judgeThreadChange(key, readPlainThread(before, key), readPlainThread(doc, key), {
      userId,
      now: Date.now(),
      threadCount: threads.size,
    }),
  );
}

function expectAccepted(verdicts: CommentVerdict[]): void {
  expect(verdicts.filter((verdict) => !verdict.ok)).toEqual([]);
}

describe('the comments model keeps the relay’s rules (CM1-CM10)', () => {
  it('CM3, CM5, CM7, CM9: opening, replying, editing, deleting, resolving and reopening are all accepted', () => {
    const doc = new Y.Doc({ gc: false });
    let ids = { threadId: '', commentId: '' };
    expectAccepted(
      judged(doc, CHAIR, () => {
        ids = createThread(doc, { anchor: ANCHOR, quote: '资金'.repeat(400), authorId: CHAIR, text: '  请补充  ' });
      }),
    );
    const { threadId, commentId } = ids;
    let replyId = '';
    expectAccepted(
      judged(doc, MEMBER, () => {
        replyId = addReply(doc, { threadId, authorId: MEMBER, text: '好的', mentions: [CHAIR, CHAIR] });
      }),
    );
    expectAccepted(
      judged(doc, CHAIR, () => editComment(doc, { threadId, commentId, actorId: CHAIR, text: '请补充数据' })),
    );
    expectAccepted(judged(doc, MEMBER, () => deleteComment(doc, { threadId, commentId: replyId, actorId: MEMBER })));
    expectAccepted(judged(doc, MEMBER, () => setResolved(doc, { threadId, actorId: MEMBER, resolved: true })));
    expectAccepted(judged(doc, CHAIR, () => setResolved(doc, { threadId, actorId: CHAIR, resolved: false })));
  });

  it('CM5: a reply written offline a day ago is accepted', () => {
    const doc = new Y.Doc({ gc: false });
    const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
    const { threadId } = createThread(doc, { anchor: ANCHOR, quote: '', authorId: CHAIR, text: '意见', now: dayAgo });
    expectAccepted(
      judged(doc, MEMBER, () => addReply(doc, { threadId, authorId: MEMBER, text: '离线回复', now: dayAgo + 1 })),
    );
  });

  it('CM5, CM7: refuses before writing what the relay would refuse: too many mentions, someone else’s comment', () => {
    const doc = new Y.Doc({ gc: false });
    const { threadId, commentId } = createThread(doc, { anchor: ANCHOR, quote: '', authorId: CHAIR, text: '意见' });
    const many = Array.from(
      { length: MAX_MENTIONS + 1 },
      (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` as UserId,
    );
    expect(() => addReply(doc, { threadId, authorId: MEMBER, text: '好', mentions: many })).toThrow();
    expect(() => editComment(doc, { threadId, commentId, actorId: MEMBER, text: '改' })).toThrow(
      expect.objectContaining({ code: ClientErrorCode.notAuthor }),
    );
  });

  it('CM5: the judge refuses a reply in someone else’s name, which the model cannot make', () => {
    const doc = new Y.Doc({ gc: false });
    const { threadId } = createThread(doc, { anchor: ANCHOR, quote: '', authorId: CHAIR, text: '意见' });
    const verdicts = judged(doc, MEMBER, () => addReply(doc, { threadId, authorId: CHAIR, text: '冒名' }));
    expect(verdicts).toEqual([expect.objectContaining({ ok: false, rule: 'CM5' })]);
  });
});

describe('a deletion merged with an edit from the author’s other device (CM7)', () => {
  it('reads as deleted and empty, whichever entry wins the merge', () => {
    for (const [deleterId, editorId] of [
      [1, 2],
      [2, 1],
    ]) {
      const phone = new Y.Doc({ gc: false });
      phone.clientID = deleterId ?? 1;
      const { threadId, commentId } = createThread(phone, { anchor: ANCHOR, quote: '', authorId: CHAIR, text: '意见' });
      const laptop = new Y.Doc({ gc: false });
      laptop.clientID = editorId ?? 2;
      Y.applyUpdate(laptop, Y.encodeStateAsUpdate(phone));
      deleteComment(phone, { threadId, commentId, actorId: CHAIR });
      editComment(laptop, { threadId, commentId, actorId: CHAIR, text: '改过的意见' });
      const fromLaptop = Y.encodeStateAsUpdate(laptop, Y.encodeStateVector(phone));
      expectAccepted(judged(phone, CHAIR, () => Y.applyUpdate(phone, fromLaptop)));
      expect(readThread(phone, threadId)?.comments[0]).toMatchObject({ text: '', mentions: [], isDeleted: true });
    }
  });
});
