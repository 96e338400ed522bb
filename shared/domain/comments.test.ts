import { describe, expect, it } from 'vitest';
import {
  CLOCK_TOLERANCE_MS,
  type CommentVerdict,
  judgeThreadChange,
  MAX_COMMENTS_PER_THREAD,
  MAX_MENTIONS,
  MAX_THREADS_PER_DOC,
  type PlainComment,
  type PlainThread,
} from './comments';
import type { UserId } from './ids';

const NOW = 1_800_000_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ZHANG = '00000000-0000-4000-8000-000000000001' as UserId;
const LI = '00000000-0000-4000-8000-000000000002' as UserId;
const THREAD_ID = 'thread-aaaaaaaa';

function comment(key: string, fields: Partial<Record<string, unknown>> = {}): PlainComment {
  return {
    key,
    fields: {
      id: `comment-${key}`,
      authorId: ZHANG,
      text: '请补充数据',
      mentions: [],
      createdAt: NOW - DAY_MS,
      editedAt: null,
      isDeleted: false,
      ...fields,
    },
  };
}

function thread(comments: PlainComment[], fields: Partial<Record<string, unknown>> = {}): PlainThread {
  return {
    key: '1:0',
    fields: {
      id: THREAD_ID,
      anchorStart: new Uint8Array([1]),
      anchorEnd: new Uint8Array([2]),
      quote: '资金',
      authorId: ZHANG,
      createdAt: NOW - 2 * DAY_MS,
      resolved: false,
      resolvedBy: null,
      resolvedAt: null,
      ...fields,
    },
    commentsKey: '1:1',
    comments,
  };
}

function judge(before: PlainThread | null, after: PlainThread | null, userId = ZHANG, threadCount = 1): CommentVerdict {
  return judgeThreadChange(THREAD_ID, before, after, { userId, now: NOW, threadCount });
}

function withFields(base: PlainComment, fields: Partial<Record<string, unknown>>): PlainComment {
  return { key: base.key, fields: { ...base.fields, ...fields } };
}

const first = comment('a');
const stored = thread([first]);

describe('comment rules on plain values (docs/RULES.md, Comments)', () => {
  it('CM3: accepts a new thread by the sender, even one written a day ago', () => {
    expect(judge(null, stored)).toEqual({ ok: true });
    expect(judge(null, stored, LI)).toMatchObject({ ok: false, rule: 'CM3' });
    expect(judge(null, thread([first], { id: 'another-id' }))).toMatchObject({ ok: false, rule: 'CM3' });
    expect(judge(null, thread([first], { extra: 1 }))).toMatchObject({ ok: false, rule: 'CM3' });
    expect(judge(null, thread([]))).toMatchObject({ ok: false, rule: 'CM3' });
    expect(judge(null, thread([first], { anchorStart: 'not bytes' }))).toMatchObject({ ok: false, rule: 'CM3' });
  });

  it('CM2, CM4: a thread is never removed or replaced, and its fixed fields never change', () => {
    expect(judge(stored, null)).toMatchObject({ ok: false, rule: 'CM2' });
    expect(judge(stored, { ...stored, key: '9:0' })).toMatchObject({ ok: false, rule: 'CM2' });
    expect(judge(stored, thread([first], { quote: '别的' }))).toMatchObject({ ok: false, rule: 'CM4' });
    expect(judge(stored, { ...stored, commentsKey: '9:1' })).toMatchObject({ ok: false, rule: 'CM4' });
    expect(judge(stored, thread([first], { anchorStart: new Uint8Array([1]) }))).toEqual({ ok: true });
  });

  it('CM5: bounds a new comment’s time by the server’s clock ahead and its thread behind', () => {
    const at = (createdAt: number) => judge(stored, thread([first, comment('b', { createdAt })]));
    expect(at(NOW - DAY_MS)).toEqual({ ok: true });
    expect(at(NOW + CLOCK_TOLERANCE_MS)).toEqual({ ok: true });
    expect(at(NOW + CLOCK_TOLERANCE_MS + 1)).toMatchObject({ ok: false, rule: 'CM5' });
    expect(at(NOW - 2 * DAY_MS - CLOCK_TOLERANCE_MS - 1)).toMatchObject({ ok: false, rule: 'CM5' });
  });

  it('CM5: checks a new comment’s author, text, mentions, id and state', () => {
    const reply = (fields: Partial<Record<string, unknown>>) => judge(stored, thread([first, comment('b', fields)]));
    const people = (count: number) =>
      Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(reply({ authorId: LI })).toMatchObject({ ok: false, rule: 'CM5' });
    expect(reply({ text: '   ' })).toMatchObject({ ok: false, rule: 'CM5' });
    expect(reply({ mentions: [LI, LI] })).toMatchObject({ ok: false, rule: 'CM5' });
    expect(reply({ mentions: ['li'] })).toMatchObject({ ok: false, rule: 'CM5' });
    expect(reply({ mentions: people(MAX_MENTIONS) })).toEqual({ ok: true });
    expect(reply({ mentions: people(MAX_MENTIONS + 1) })).toMatchObject({ ok: false, rule: 'CM5' });
    expect(reply({ id: first.fields?.id })).toMatchObject({ ok: false, rule: 'CM5' });
    expect(reply({ isDeleted: true })).toMatchObject({ ok: false, rule: 'CM5' });
    expect(judge(stored, thread([first, { key: 'b', fields: null }]))).toMatchObject({ ok: false, rule: 'CM5' });
  });

  it('CM6, CM7: only the author edits or deletes a comment, and a deleted one stays deleted', () => {
    const edited = thread([withFields(first, { text: '改过', editedAt: NOW })]);
    expect(judge(stored, edited)).toEqual({ ok: true });
    expect(judge(stored, edited, LI)).toMatchObject({ ok: false, rule: 'CM7' });
    expect(judge(stored, thread([withFields(first, { createdAt: NOW })]))).toMatchObject({ ok: false, rule: 'CM6' });
    const deleted = thread([withFields(first, { text: '', mentions: [], isDeleted: true, editedAt: NOW })]);
    expect(judge(stored, deleted)).toEqual({ ok: true });
    expect(judge(deleted, stored)).toMatchObject({ ok: false, rule: 'CM7' });
    // An edit from the author's other device merged into the deletion.
    expect(judge(deleted, thread([withFields(first, { text: '改过', isDeleted: true, editedAt: NOW })]))).toEqual({
      ok: true,
    });
    expect(judge(stored, thread([withFields(first, { editedAt: NOW + DAY_MS })]))).toMatchObject({
      ok: false,
      rule: 'CM7',
    });
  });

  it('CM8: comments are never removed or moved, but concurrent replies may land between them', () => {
    const second = comment('b', { authorId: LI });
    const two = thread([first, second]);
    expect(judge(two, thread([first]))).toMatchObject({ ok: false, rule: 'CM8' });
    expect(judge(two, thread([second, first]))).toMatchObject({ ok: false, rule: 'CM8' });
    expect(judge(two, thread([first, comment('c'), second]))).toEqual({ ok: true });
  });

  it('CM9: anyone resolves or reopens, in their own name, at an allowed time', () => {
    const resolved = (by: unknown, at: unknown) => thread([first], { resolved: true, resolvedBy: by, resolvedAt: at });
    expect(judge(stored, resolved(LI, NOW), LI)).toEqual({ ok: true });
    expect(judge(stored, resolved(ZHANG, NOW), LI)).toMatchObject({ ok: false, rule: 'CM9' });
    expect(judge(stored, resolved(LI, NOW - DAY_MS), LI)).toEqual({ ok: true });
    expect(judge(stored, resolved(LI, NOW + DAY_MS), LI)).toMatchObject({ ok: false, rule: 'CM9' });
    expect(judge(resolved(ZHANG, NOW), stored, LI)).toEqual({ ok: true });
    expect(judge(resolved(ZHANG, NOW), thread([first], { resolvedBy: ZHANG }), LI)).toMatchObject({
      ok: false,
      rule: 'CM9',
    });
  });

  it('CM10: caps threads per document and comments per thread when one is added', () => {
    expect(judge(null, stored, ZHANG, MAX_THREADS_PER_DOC)).toEqual({ ok: true });
    expect(judge(null, stored, ZHANG, MAX_THREADS_PER_DOC + 1)).toMatchObject({ ok: false, rule: 'CM10' });
    const full = thread(Array.from({ length: MAX_COMMENTS_PER_THREAD }, (_, i) => comment(`k${i}`)));
    expect(judge(full, thread([...full.comments, comment('over')]))).toMatchObject({ ok: false, rule: 'CM10' });
    expect(judge(full, thread([...full.comments]))).toEqual({ ok: true });
  });
});
