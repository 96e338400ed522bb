import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField, type DocId, newDocId, RoomKind, type RoomName, roomNameOf } from '../../../shared';
import { openTestStore } from '../../test/testStore';
import { waitUntil } from '../../test/waitUntil';
import {
  createStorageHealth,
  type DexieDeviceStore,
  hasUnsavedWrites,
  StorageState,
  type UpdateLogStore,
} from '../storage';
import { COMPACT_AFTER_ROWS, DocPersistence } from './DocPersistence';
import { classifyOrigin } from './updateOrigin';

const REMOTE = Symbol('remote');
let store: DexieDeviceStore;

beforeEach(() => {
  store = openTestStore();
});

afterEach(async () => {
  await store.delete();
});

function open(
  docId: DocId,
  health = createStorageHealth(),
  kind: RoomKind = RoomKind.content,
  updates: UpdateLogStore = store.updates,
) {
  const doc = new Y.Doc({ gc: false });
  const room = roomNameOf(docId, kind);
  const persistence = new DocPersistence({ updates, room, doc, health, originOf: (o) => classifyOrigin(o, REMOTE) });
  return { doc, persistence, health };
}

function countUnsent(room: RoomName): Promise<number> {
  return store.updates.countUnsent(room);
}

describe('DocPersistence', () => {
  it('writes each update in the task of the update event (C1) and reloads it', async () => {
    const docId = newDocId();
    const first = open(docId);
    expect(await first.persistence.load()).toBe(false);
    first.doc.getText(ContentField.title).insert(0, '调研报告');
    // The write is already issued: the health store counts it before any await.
    expect(hasUnsavedWrites(first.health.getSnapshot())).toBe(true);
    await first.persistence.whenIdle();
    expect(hasUnsavedWrites(first.health.getSnapshot())).toBe(false);
    first.persistence.destroy();

    const second = open(docId);
    expect(await second.persistence.load()).toBe(true);
    expect(second.doc.getText(ContentField.title).toString()).toBe('调研报告');
  });

  it('does not re-append loaded updates and marks remote updates as sent', async () => {
    const docId = newDocId();
    const first = open(docId);
    await first.persistence.load();
    first.doc.getText(ContentField.title).insert(0, 'local');
    const remote = new Y.Doc({ gc: false });
    remote.getText(ContentField.title).insert(0, 'remote');
    Y.applyUpdate(first.doc, Y.encodeStateAsUpdate(remote), REMOTE);
    await first.persistence.whenIdle();
    first.persistence.destroy();
    expect(await store.updates.read(roomNameOf(docId))).toHaveLength(2);
    expect(await countUnsent(roomNameOf(docId))).toBe(1);

    const second = open(docId);
    await second.persistence.load();
    await second.persistence.whenIdle();
    expect(await store.updates.read(roomNameOf(docId))).toHaveLength(2);
  });

  it('keeps the comments doc in its own log beside the content, with its own unsent records', async () => {
    const docId = newDocId();
    const content = open(docId);
    const comments = open(docId, createStorageHealth(), RoomKind.comments);
    await Promise.all([content.persistence.load(), comments.persistence.load()]);
    content.doc.getText(ContentField.title).insert(0, '正文');
    comments.doc.getMap('threads').set('t', '评论');
    await Promise.all([content.persistence.whenIdle(), comments.persistence.whenIdle()]);
    expect(await countUnsent(roomNameOf(docId))).toBe(1);
    expect(await countUnsent(roomNameOf(docId, RoomKind.comments))).toBe(1);
    comments.persistence.destroy();

    const reopened = open(docId, createStorageHealth(), RoomKind.comments);
    expect(await reopened.persistence.load()).toBe(true);
    expect(reopened.doc.getMap('threads').get('t')).toBe('评论');
    expect(reopened.doc.getText(ContentField.title).toString()).toBe('');
  });

  it('compacts the log once it passes the threshold (C3)', async () => {
    const docId = newDocId();
    const session = open(docId);
    await session.persistence.load();
    const text = session.doc.getText(ContentField.title);
    for (let i = 0; i < COMPACT_AFTER_ROWS + 10; i += 1) {
      text.insert(text.length, 'x');
      await session.persistence.whenIdle();
    }
    expect((await store.updates.read(roomNameOf(docId))).length).toBeLessThan(20);
    session.persistence.destroy();
    const reopened = open(docId);
    await reopened.persistence.load();
    expect(reopened.doc.getText(ContentField.title).length).toBe(COMPACT_AFTER_ROWS + 10);
  });

  it('keeps a failed write and retries it until it is stored', async () => {
    const docId = newDocId();
    let isFailing = true;
    const { updates } = store;
    const failing: UpdateLogStore = {
      append: (room, update, isLocal) =>
        isFailing ? Promise.reject(new Error('QuotaExceededError')) : updates.append(room, update, isLocal),
      read: (room) => updates.read(room),
      compact: (room) => updates.compact(room),
      listUnsent: (room) => updates.listUnsent(room),
      acknowledge: (room, seqs) => updates.acknowledge(room, seqs),
      unsentRooms: () => updates.unsentRooms(),
      countUnsent: (room) => updates.countUnsent(room),
      watchUnsent: (room, onCount) => updates.watchUnsent(room, onCount),
      lastSeqs: () => updates.lastSeqs(),
      onStored: (onStored) => updates.onStored(onStored),
    };
    const session = open(docId, createStorageHealth(), RoomKind.content, failing);
    await session.persistence.load();
    session.doc.getText(ContentField.title).insert(0, '离线');
    await waitUntil(() => session.health.getSnapshot().state === StorageState.failing, { what: 'the failing state' });
    expect(hasUnsavedWrites(session.health.getSnapshot())).toBe(true);
    isFailing = false;
    await waitUntil(async () => (await store.updates.read(roomNameOf(docId))).length === 1, {
      what: 'the retried write',
    });
    await session.persistence.whenIdle();
    expect(hasUnsavedWrites(session.health.getSnapshot())).toBe(false);
    expect(session.health.getSnapshot().state).toBe(StorageState.ok);
  });
});
