import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextChange, diffText, rebaseChange, type TextDelta, transformIndex } from './textDiff';

describe('diffText', () => {
  it('finds the one replaced middle part', () => {
    expect(diffText('关于加强社区养老的提案', '关于加强农村社区养老的提案')).toEqual({
      index: 4,
      deleteCount: 0,
      insert: '农村',
    });
    expect(diffText('abcdef', 'abXef')).toEqual({ index: 2, deleteCount: 2, insert: 'X' });
    expect(diffText('same', 'same')).toBeNull();
  });

  it('keeps repeated characters minimal', () => {
    expect(diffText('aaa', 'aaaa')).toEqual({ index: 3, deleteCount: 0, insert: 'a' });
  });

  it('never splits a surrogate pair', () => {
    const change = diffText('a😀b', 'a😃b');
    expect(change).toEqual({ index: 1, deleteCount: 2, insert: '😃' });
  });
});

describe('transformIndex', () => {
  const insertAt2: TextDelta = [{ retain: 2 }, { insert: 'xy' }];
  const deleteFrom1: TextDelta = [{ retain: 1 }, { delete: 3 }];

  it('shifts positions after an insertion and keeps a caret in front of an insertion at it', () => {
    expect(transformIndex(1, insertAt2)).toBe(1);
    expect(transformIndex(2, insertAt2)).toBe(2);
    expect(transformIndex(2, insertAt2, true)).toBe(4);
    expect(transformIndex(5, insertAt2)).toBe(7);
  });

  it('pulls positions inside or after a deletion back', () => {
    expect(transformIndex(0, deleteFrom1)).toBe(0);
    expect(transformIndex(3, deleteFrom1)).toBe(1);
    expect(transformIndex(6, deleteFrom1)).toBe(3);
  });
});

describe('rebaseChange', () => {
  it('applies a change made during a composition after remote edits without losing either', () => {
    const doc = new Y.Doc({ gc: false });
    const text = doc.getText('title');
    text.insert(0, '提案：');
    const before = text.toString();
    const deltas: TextDelta[] = [];
    text.observe((event) => deltas.push(event.delta as TextDelta));
    text.insert(0, '【草稿】');
    const local = diffText(before, '提案：政协委员');
    expect(local).not.toBeNull();
    applyTextChange(text, rebaseChange(local!, deltas), 'local');
    expect(text.toString()).toBe('【草稿】提案：政协委员');
  });
});
