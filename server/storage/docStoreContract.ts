import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DocId, type RoomName, roomNameOf, type UserId } from '../../shared/index';
import { type DocStore, EMPTY_BATCH } from './DocStore';
import type { StoredDocumentRecord } from './memory/MemoryDocStore';

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

function newUser(): UserId {
  return randomUUID() as UserId;
}

/**
 * An adapter's store with what the contract needs around it: document records are created by
 * the HTTP API (another port), so each adapter says how to create and read one.
 */
export interface DocStoreHarness {
  readonly store: DocStore;
  /** Creates a document's record with an empty title, as `POST /api/docs` does. */
  registerDocument(id: DocId): void | Promise<void>;
  /** The record as stored, with authors in the order of their first change; null when none. */
  readDocument(id: DocId): StoredDocumentRecord | null | Promise<StoredDocumentRecord | null>;
  /** Releases what the harness opened besides the store (the suite closes the store). */
  dispose(): void | Promise<void>;
}

/** The behaviour every DocStore adapter must show; each adapter's test runs it. */
export function describeDocStoreContract(name: string, open: () => DocStoreHarness | Promise<DocStoreHarness>): void {
  describe(`${name} (DocStore contract)`, () => {
    let harness: DocStoreHarness;
    let store: DocStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
    });

    afterEach(async () => {
      await store.close();
      await harness.dispose();
    });

    it('loads nothing for a room never written', async () => {
      expect(await store.load(newRoom())).toEqual([]);
    });

    it('loads updates in the order they were written, with increasing sequence numbers', async () => {
      const room = newRoom();
      const { updates } = typing(20);
      for (const update of updates) {
        await store.write({ updates: [{ room, update }], authors: [], documents: [] });
      }
      const loaded = await store.load(room);
      expect(loaded.map((entry) => entry.update)).toEqual(updates);
      expect(loaded.map((entry) => entry.seq)).toEqual([...loaded.map((entry) => entry.seq)].sort((a, b) => a - b));
    });

    it('loads only the updates after a sequence number, and the merged one that replaced some of them', async () => {
      const room = newRoom();
      const { doc, updates } = typing(12);
      const seqs: number[] = [];
      for (const update of updates) {
        seqs.push((await store.write({ ...EMPTY_BATCH, updates: [{ room, update }] })).get(room) ?? 0);
      }
      const after = seqs[7] ?? 0;
      expect((await store.load(room, after)).map((entry) => entry.update)).toEqual(updates.slice(8));
      expect(await store.load(room, seqs.at(-1))).toEqual([]);

      const throughSeq = seqs[9] ?? 0;
      const early = new Y.Doc({ gc: false });
      for (const update of updates.slice(0, 10)) {
        Y.applyUpdate(early, update);
      }
      await store.compact(room, throughSeq, Y.encodeStateAsUpdate(early));
      // A process that knew up to `after` gets the merged update, then the rest: the whole text.
      const caughtUp = await store.load(room, after);
      expect(caughtUp.map((entry) => entry.seq)).toEqual([throughSeq, ...seqs.slice(10)]);
      const replayed = docFrom([...(await store.load(room)).filter((entry) => entry.seq <= after), ...caughtUp]);
      expect(replayed.getText('title').toString()).toBe(doc.getText('title').toString());
      // One that knew everything up to the merged one's number gets only what came after.
      expect((await store.load(room, throughSeq)).map((entry) => entry.update)).toEqual(updates.slice(10));
    });

    it('keeps the exact document state through compaction, and later updates after it', async () => {
      const room = newRoom();
      const { doc, updates } = typing(300);
      const lastSeqs = await store.write({
        updates: updates.slice(0, 250).map((update) => ({ room, update })),
        documents: [],
        authors: [],
      });
      const throughSeq = lastSeqs.get(room) ?? 0;
      await store.write({ ...EMPTY_BATCH, updates: updates.slice(250).map((update) => ({ room, update })) });
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
            store.write({ ...EMPTY_BATCH, updates: [{ room: rooms[index] as RoomName, update }] }),
          ),
        ),
      );
      for (const [index, room] of rooms.entries()) {
        const restored = docFrom(await store.load(room));
        expect(restored.getText('title').toString()).toBe(typists[index]?.doc.getText('title').toString());
      }
    });

    it('writes updates of several rooms, summaries and authors of registered documents together', async () => {
      const [a, b] = [randomUUID() as DocId, randomUUID() as DocId];
      const [zhang, li] = [newUser(), newUser()];
      await harness.registerDocument(a);
      await harness.registerDocument(b);
      const update = typing(3).updates[0] as Uint8Array;
      await store.write({
        updates: [
          { room: roomNameOf(a), update },
          { room: roomNameOf(b), update },
        ],
        documents: [
          { id: a, title: '提案一', updatedAt: 1_000, updatedBy: zhang },
          { id: b, title: '提案二', updatedAt: 2_000, updatedBy: li },
        ],
        authors: [
          { docId: a, userId: zhang, at: 1_000 },
          { docId: b, userId: li, at: 2_000 },
        ],
      });
      await store.write({
        ...EMPTY_BATCH,
        documents: [{ id: a, title: '提案一（修改）', updatedAt: 3_000, updatedBy: li }],
        authors: [{ docId: a, userId: li, at: 3_000 }],
      });
      expect(await harness.readDocument(a)).toEqual({
        title: '提案一（修改）',
        updatedAt: 3_000,
        updatedBy: li,
        authors: [
          { userId: zhang, firstAt: 1_000 },
          { userId: li, firstAt: 3_000 },
        ],
      });
      expect(await harness.readDocument(b)).toEqual({
        title: '提案二',
        updatedAt: 2_000,
        updatedBy: li,
        authors: [{ userId: li, firstAt: 2_000 }],
      });
      expect(await store.load(roomNameOf(b))).toHaveLength(1);
    });

    it('keeps each author’s first change and the last known author', async () => {
      const id = randomUUID() as DocId;
      const zhang = newUser();
      await harness.registerDocument(id);
      await store.write({
        ...EMPTY_BATCH,
        documents: [{ id, title: '社情民意', updatedAt: 1_000, updatedBy: zhang }],
        authors: [{ docId: id, userId: zhang, at: 1_000 }],
      });
      await store.write({
        ...EMPTY_BATCH,
        documents: [{ id, title: '社情民意信息', updatedAt: 2_000, updatedBy: null }],
        authors: [{ docId: id, userId: zhang, at: 2_000 }],
      });
      expect(await harness.readDocument(id)).toEqual({
        title: '社情民意信息',
        updatedAt: 2_000,
        updatedBy: zhang,
        authors: [{ userId: zhang, firstAt: 1_000 }],
      });
    });

    it('never creates a record from a summary: documents are registered by the API', async () => {
      const id = randomUUID() as DocId;
      await store.write({ ...EMPTY_BATCH, documents: [{ id, title: '未登记', updatedAt: 1_000, updatedBy: null }] });
      expect(await harness.readDocument(id)).toBeNull();
    });

    it('records the author of each stored update, null where none was given', async () => {
      const room = newRoom();
      const [zhang, li] = [newUser(), newUser()];
      const { updates } = typing(3);
      await store.write({
        ...EMPTY_BATCH,
        updates: [
          { room, update: updates[0] as Uint8Array, author: zhang },
          { room, update: updates[1] as Uint8Array, author: li },
          { room, update: updates[2] as Uint8Array },
        ],
      });
      expect((await store.load(room)).map((entry) => entry.author)).toEqual([zhang, li, null]);
    });

    it('keeps the first owner of each client id, per room, through compaction', async () => {
      const [room, other] = [newRoom(), newRoom()];
      const [zhang, li] = [newUser(), newUser()];
      const { doc, updates } = typing(10);
      const lastSeqs = await store.write({
        ...EMPTY_BATCH,
        updates: updates.map((update) => ({ room, update, author: zhang })),
        clientOwners: [
          { room, clientId: doc.clientID, userId: zhang, at: 1_000 },
          { room: other, clientId: 7, userId: li, at: 1_000 },
        ],
      });
      await store.write({
        ...EMPTY_BATCH,
        clientOwners: [
          { room, clientId: doc.clientID, userId: li, at: 2_000 },
          { room, clientId: 8, userId: li, at: 2_000 },
        ],
      });
      await store.compact(room, lastSeqs.get(room) ?? 0, Y.encodeStateAsUpdate(doc));
      expect(await store.loadClientOwners(room)).toEqual(
        new Map([
          [doc.clientID, zhang],
          [8, li],
        ]),
      );
      expect(await store.loadClientOwners(other)).toEqual(new Map([[7, li]]));
      expect(await store.loadClientOwners(newRoom())).toEqual(new Map());
      expect((await store.load(room)).map((entry) => entry.author)).toEqual([null]);
    });

    it('fails loudly once closed', async () => {
      await store.close();
      expect(() => store.load(newRoom())).toThrow(/closed/);
      await harness.dispose();
      harness = await open();
      store = harness.store;
    });
  });
}
