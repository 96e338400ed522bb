import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changesDoc, checkUpdate } from './checkUpdate';

function typed(text: string): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc({ gc: false });
  doc.getText('title').insert(0, text);
  return { doc, update: Y.encodeStateAsUpdate(doc) };
}

function since(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const vector = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, vector);
}

describe('checkUpdate', () => {
  it('accepts an update that builds only on the room and on itself', () => {
    const room = new Y.Doc({ gc: false });
    expect(checkUpdate(room, typed('委员').update)).toMatchObject({ kind: 'ok' });
  });

  it('accepts an empty update and one already applied', () => {
    const room = new Y.Doc({ gc: false });
    const { update } = typed('重复');
    Y.applyUpdate(room, update);
    expect(checkUpdate(room, update)).toMatchObject({ kind: 'ok' });
    expect(checkUpdate(room, new Uint8Array([0, 0]))).toMatchObject({ kind: 'ok' });
  });

  it('finds a gap in a client’s clock', () => {
    const { doc } = typed('ab');
    const later = since(doc, (d) => d.getText('title').insert(2, 'c'));
    expect(checkUpdate(new Y.Doc({ gc: false }), later)).toEqual({ kind: 'missing' });
  });

  it('finds an origin from another client that the room does not have', () => {
    const { doc: author, update: base } = typed('base');
    const editor = new Y.Doc({ gc: false });
    Y.applyUpdate(editor, base);
    const edit = since(editor, (d) => d.getText('title').insert(2, '++'));
    const room = new Y.Doc({ gc: false });
    expect(checkUpdate(room, edit)).toEqual({ kind: 'missing' });
    Y.applyUpdate(room, Y.encodeStateAsUpdate(author));
    expect(checkUpdate(room, edit)).toMatchObject({ kind: 'ok' });
  });

  it('finds a deletion of content the room does not have', () => {
    const { doc: author, update: base } = typed('delete me');
    const editor = new Y.Doc({ gc: false });
    Y.applyUpdate(editor, base);
    const deletion = since(editor, (d) => d.getText('title').delete(0, 3));
    expect(checkUpdate(new Y.Doc({ gc: false }), deletion)).toEqual({ kind: 'missing' });
    const room = new Y.Doc({ gc: false });
    Y.applyUpdate(room, Y.encodeStateAsUpdate(author));
    expect(checkUpdate(room, deletion)).toMatchObject({ kind: 'ok' });
  });

  it('refuses bytes that are not a Yjs update', () => {
    const room = new Y.Doc({ gc: false });
    expect(checkUpdate(room, typed('truncated').update.slice(0, -3)).kind).toBe('invalid');
    expect(checkUpdate(room, new Uint8Array([1, 1, 7, 0, 0xff])).kind).toBe('invalid');
  });

  it('leaves no pending structs when every update it accepts is applied', () => {
    const writers = Array.from({ length: 3 }, () => new Y.Doc({ gc: false }));
    const room = new Y.Doc({ gc: false });
    const held: Uint8Array[] = [];
    for (let round = 0; round < 30; round++) {
      const writer = writers[round % writers.length] as Y.Doc;
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(writers[(round + 1) % writers.length] as Y.Doc));
      const update = since(writer, (d) => d.getText('title').insert(round % 2, String(round)));
      held.push(update);
      for (const candidate of [...held]) {
        if (checkUpdate(room, candidate).kind === 'ok') {
          Y.applyUpdate(room, candidate);
          held.splice(held.indexOf(candidate), 1);
        }
      }
      expect(room.store.pendingStructs).toBeNull();
      expect(room.store.pendingDs).toBeNull();
    }
  });
});

describe('changesDoc', () => {
  it('finds nothing new in the step 2 of a reader that holds what the room holds', () => {
    const { doc: room } = typed('只读委员看到的文字');
    room.getText('title').delete(0, 2);
    const reader = new Y.Doc({ gc: false });
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(room));
    const step2 = Y.encodeStateAsUpdate(reader, Y.encodeStateVector(room));
    expect(changesDoc(room, step2)).toBe(false);
    expect(changesDoc(room, new Uint8Array([0, 0]))).toBe(false);
  });

  it('finds new structs, new deletions and undecodable bytes', () => {
    const { doc: room } = typed('原文');
    const reader = new Y.Doc({ gc: false });
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(room));
    expect(
      changesDoc(
        room,
        since(reader, (d) => d.getText('title').insert(0, '新')),
      ),
    ).toBe(true);
    const deletionOnly = since(reader, (d) => d.getText('title').delete(1, 1));
    expect(changesDoc(room, deletionOnly)).toBe(true);
    expect(changesDoc(room, new Uint8Array([1, 1, 9]))).toBe(true);
  });
});
