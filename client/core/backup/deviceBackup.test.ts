import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DocId, DocKind, newDocId, type RoomName, roomNameOf } from '../../../shared';
import { makeMe, newGroupId } from '../../test/FakeServer';
import { openTestStore } from '../../test/testStore';
import { createRowCipher, newDataKey } from '../keys';
import { type DexieDeviceStore, localDocRow } from '../storage';
import { readBackup } from './backupFile';
import { backUpDevice, memoryRestoredOperations, restoreDevice } from './deviceBackup';

const ITERATIONS = 1000;
const PASSWORD = 'pa55word-备份';
const me = makeMe([newGroupId()]);
const owner = { userId: me.id, username: me.username };
const stores: DexieDeviceStore[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) {
    await store.delete();
  }
});

/** A device of its own: its own database and its own data key. */
function device(): DexieDeviceStore {
  const store = openTestStore({ cipher: createRowCipher(newDataKey()) });
  stores.push(store);
  return store;
}

function edit(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array = new Uint8Array();
  const capture = (u: Uint8Array): void => {
    update = u;
  };
  doc.on('update', capture);
  doc.getText('title').insert(doc.getText('title').length, text);
  doc.off('update', capture);
  return update;
}

async function textOf(store: DexieDeviceStore, room: RoomName): Promise<string> {
  const doc = new Y.Doc({ gc: false });
  for (const update of await store.updates.read(room)) {
    Y.applyUpdate(doc, update);
  }
  return doc.getText('title').toString();
}

/** Device A: a document made offline (registration queued) with unsent edits, and a synced one. */
async function deviceWithWork(): Promise<{ store: DexieDeviceStore; fresh: DocId; synced: DocId }> {
  const store = device();
  const fresh = newDocId();
  const doc = new Y.Doc({ gc: false });
  await store.createDocument({
    row: localDocRow({ id: fresh, kind: DocKind.proposal, groupId: null, title: '', createdBy: me.id, now: 1 }),
    updates: [edit(doc, '关于')],
    registration: {
      docId: fresh,
      userId: me.id,
      op: 'registerDoc',
      payload: { id: fresh },
      createdAt: 2,
      attempts: 0,
      lastError: null,
      isRefused: false,
    },
  });
  await store.updates.append(roomNameOf(fresh), edit(doc, '乡村学校的提案'), true);
  const synced = newDocId();
  const other = new Y.Doc({ gc: false });
  await store.updates.append(roomNameOf(synced), edit(other, '已同步的文档'), false);
  await store.docs.saveLocal(synced, { title: '已同步的文档', updatedAt: 3 });
  return { store, fresh, synced };
}

async function backupOf(store: DexieDeviceStore) {
  const made = await backUpDevice({ store: store.backup, owner, password: PASSWORD, iterations: ITERATIONS });
  return { made, contents: await readBackup(made.file, PASSWORD, me.id) };
}

describe('backing up a device and restoring it on another', () => {
  it('takes every document, its unsent edits and queued operations, and counts them', async () => {
    const { store } = await deviceWithWork();
    const stages: string[] = [];
    const made = await backUpDevice({
      store: store.backup,
      owner,
      password: PASSWORD,
      iterations: ITERATIONS,
      onStage: (stage) => stages.push(stage),
      now: new Date(2026, 11, 5),
    });
    expect(stages).toEqual(['reading', 'sealing']);
    expect(made.fileName).toBe(`建言备份-${me.username}-2026-12-05.jianyan`);
    expect(made.tally).toEqual({ documents: 2, unsentUpdates: 2, queuedOperations: 1, rows: 8 });
  });

  it('restores on a device with other keys: the text, the unsent edits (counted) and the queued registration', async () => {
    const a = await deviceWithWork();
    const { contents } = await backupOf(a.store);
    const b = device();
    const added = await restoreDevice({ store: b.backup, contents, restored: memoryRestoredOperations() });
    expect(added).toMatchObject({ documents: 2, unsentUpdates: 2, queuedOperations: 1 });
    expect(await textOf(b, roomNameOf(a.fresh))).toBe('关于乡村学校的提案');
    expect(await textOf(b, roomNameOf(a.synced))).toBe('已同步的文档');
    expect(await b.updates.countUnsent(roomNameOf(a.fresh))).toBe(2);
    expect(await b.updates.unsentRooms()).toEqual([roomNameOf(a.fresh)]);
    expect(await b.docs.get(a.fresh)).toMatchObject({ id: a.fresh, kind: DocKind.proposal, createdBy: me.id });
    expect(await b.outbox.list()).toEqual([
      expect.objectContaining({ docId: a.fresh, op: 'registerDoc', payload: { id: a.fresh }, userId: me.id }),
    ]);
  });

  it('restoring twice adds nothing the second time', async () => {
    const { store } = await deviceWithWork();
    const { contents } = await backupOf(store);
    const b = device();
    const restored = memoryRestoredOperations();
    await restoreDevice({ store: b.backup, contents, restored });
    const again = await restoreDevice({ store: b.backup, contents, restored });
    expect(again).toEqual({ documents: 0, unsentUpdates: 0, queuedOperations: 0, rows: 0 });
    expect(await b.updates.countUnsent(null)).toBe(2);
    expect(await b.outbox.list()).toHaveLength(1);
  });

  it('does not count as unsent again what this device has sent since', async () => {
    const { store, fresh } = await deviceWithWork();
    const { contents } = await backupOf(store);
    const b = device();
    const restored = memoryRestoredOperations();
    await restoreDevice({ store: b.backup, contents, restored });
    const room = roomNameOf(fresh);
    await b.updates.acknowledge(
      room,
      (await b.updates.listUnsent(room)).map((each) => each.seq),
    );
    const again = await restoreDevice({ store: b.backup, contents, restored });
    expect(again.unsentUpdates).toBe(0);
    expect(await b.updates.countUnsent(null)).toBe(0);
    expect(await textOf(b, room)).toBe('关于乡村学校的提案');
  });

  it('counts as unsent an edit the device lacks, also when it builds on one the device lacks', async () => {
    const a = await deviceWithWork();
    const { contents } = await backupOf(a.store);
    const b = device();
    const room = roomNameOf(a.fresh);
    // B holds only the first update of the document's log, as if it had synced before the edits.
    const [first] = await a.store.updates.read(room);
    await b.updates.append(room, first ?? new Uint8Array(), false);
    const added = await restoreDevice({ store: b.backup, contents, restored: memoryRestoredOperations() });
    expect(added.unsentUpdates).toBe(1);
    expect(await textOf(b, room)).toBe('关于乡村学校的提案');
  });

  it('queues an operation once: sent and gone, a second restore does not queue it again', async () => {
    const { store } = await deviceWithWork();
    const { contents } = await backupOf(store);
    const b = device();
    const restored = memoryRestoredOperations();
    await restoreDevice({ store: b.backup, contents, restored });
    const [queued] = await b.outbox.list();
    expect(await b.outbox.remove(queued?.seq ?? -1)).toBe(true);
    await restoreDevice({ store: b.backup, contents, restored });
    expect(await b.outbox.list()).toEqual([]);
  });

  it('restoring over newer state on the device loses neither side', async () => {
    const a = await deviceWithWork();
    const { contents } = await backupOf(a.store);
    // The same device went on: more edits, and the log compacted into one row.
    const doc = new Y.Doc({ gc: false });
    for (const update of await a.store.updates.read(roomNameOf(a.fresh))) {
      Y.applyUpdate(doc, update);
    }
    await a.store.updates.append(roomNameOf(a.fresh), edit(doc, '（修改稿）'), true);
    await a.store.updates.compact(roomNameOf(a.fresh));
    await a.store.docs.saveLocal(a.fresh, { title: '新标题', updatedAt: 99 });
    await restoreDevice({ store: a.store.backup, contents, restored: memoryRestoredOperations() });
    expect(await textOf(a.store, roomNameOf(a.fresh))).toBe('关于乡村学校的提案（修改稿）');
    expect(await a.store.docs.get(a.fresh)).toMatchObject({ title: '新标题', updatedAt: 99 });
    expect(await a.store.updates.countUnsent(roomNameOf(a.fresh))).toBe(3);
    expect(await a.store.outbox.list()).toHaveLength(1);
  });
});
