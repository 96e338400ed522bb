import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DocId, DocKind, type RoomName, roomNameOf } from '../../shared/index';
import type { DocStore } from './DocStore';

function newRoom(): RoomName {
  return roomNameOf(randomUUID() as DocId);
}

function docFrom(updates: readonly { update: Uint8Array }[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  for (const { update } of updates) {
    Y.applyUpdate(doc, update);
  }
  return doc;
}

/** Keystroke updates of one typist, with some deletions, as a relay would store them. */
function typing(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc({ gc: false });
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('title');
  for (let i = 0; i < count; i++) {
    if (i % 7 === 6) {
      text.delete(Math.floor(text.length / 2), 1);
    } else {
      text.insert(i % 3 === 0 ? 0 : text.length, String.fromCharCode(0x4e00 + i));
    }
  }
  return { doc, updates };
}

/** The behaviour every DocStore adapter must show; each adapter's test runs it. */
export function describeDocStoreContract(name: string, open: () => DocStore, cleanup: () => void = () => {}): void {
  describe(`${name} (DocStore contract)`, () => {
    let store: DocStore;

    beforeEach(() => {
      store = open();
    });

    afterEach(async () => {
      await store.close();
      cleanup();
    });

    it('loads nothing for a room never written', async () => {
      expect(await store.load(newRoom())).toEqual([]);
    });

    it('loads updates in the order they were written, with increasing sequence numbers', async () => {
      const room = newRoom();
      const { updates } = typing(20);
      for (const update of updates) {
        await store.write({ updates: [{ room, update }], documents: [] });
      }
      const loaded = await store.load(room);
      expect(loaded.map((entry) => entry.update)).toEqual(updates);
      expect(loaded.map((entry) => entry.seq)).toEqual([...loaded.map((entry) => entry.seq)].sort((a, b) => a - b));
    });

    it('keeps the exact document state through compaction, and later updates after it', async () => {
      const room = newRoom();
      const { doc, updates } = typing(300);
      const lastSeqs = await store.write({
        updates: updates.slice(0, 250).map((update) => ({ room, update })),
        documents: [],
      });
      const throughSeq = lastSeqs.get(room) ?? 0;
      await store.write({ updates: updates.slice(250).map((update) => ({ room, update })), documents: [] });
      const upToCompaction = docFrom(updates.slice(0, 250).map((update) => ({ update })));
      await store.compact(room, throughSeq, Y.encodeStateAsUpdate(upToCompaction));

      const loaded = await store.load(room);
      expect(loaded).toHaveLength(51);
      const restored = docFrom(loaded);
      expect(restored.getText('title').toString()).toBe(doc.getText('title').toString());
      expect(Y.encodeStateVector(restored)).toEqual(Y.encodeStateVector(doc));
      expect(Y.equalSnapshots(Y.snapshot(restored), Y.snapshot(doc))).toBe(true);
      expect(restored.store.pendingStructs).toBeNull();
    });

    it('stores concurrent writes to many rooms without losing or mixing any', async () => {
      const rooms = Array.from({ length: 8 }, newRoom);
      const typists = rooms.map(() => typing(60));
      await Promise.all(
        typists.flatMap(({ updates }, index) =>
          updates.map((update) =>
            store.write({ updates: [{ room: rooms[index] as RoomName, update }], documents: [] }),
          ),
        ),
      );
      for (const [index, room] of rooms.entries()) {
        const restored = docFrom(await store.load(room));
        expect(restored.getText('title').toString()).toBe(typists[index]?.doc.getText('title').toString());
      }
    });

    it('writes a batch of several rooms and document summaries together', async () => {
      const [a, b] = [randomUUID() as DocId, randomUUID() as DocId];
      const update = typing(3).updates[0] as Uint8Array;
      await store.write({
        updates: [
          { room: roomNameOf(a), update },
          { room: roomNameOf(b), update },
        ],
        documents: [
          { id: a, title: '提案一', kind: DocKind.proposal, updatedAt: 1_000 },
          { id: b, title: '提案二', kind: null, updatedAt: 2_000 },
        ],
      });
      await store.write({
        updates: [],
        documents: [{ id: a, title: '提案一（修改）', kind: DocKind.proposal, updatedAt: 3_000 }],
      });
      const listed = (await store.listDocuments()).filter((doc) => doc.id === a || doc.id === b);
      expect(listed).toEqual([
        { id: a, title: '提案一（修改）', kind: DocKind.proposal, updatedAt: 3_000 },
        { id: b, title: '提案二', kind: null, updatedAt: 2_000 },
      ]);
      expect(await store.load(roomNameOf(b))).toHaveLength(1);
    });

    it('fails loudly once closed', async () => {
      await store.close();
      expect(() => store.load(newRoom())).toThrow(/closed/);
      store = open();
    });
  });
}
