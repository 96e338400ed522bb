import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  ContentField,
  type DocId,
  DocKind,
  DocStatus,
  MetaKey,
  newDocId,
  RoomKind,
  type RoomName,
  roomNameOf,
  templateUpdate,
} from '../../../../shared';
import type { Notification } from '../../../../shared/api/review';
import type { Workspace } from '../../../../shared/api/schemas';
import { makeMe, makeRecord, newGroupId } from '../../../test/FakeServer';
import { waitUntil } from '../../../test/waitUntil';
import type { DeviceStore, NewOutboxRow } from '../DeviceStore';
import { localDocRow } from '../docRows';

/**
 * The contract every device store adapter passes (Dexie on IndexedDB today; an encrypted store
 * per account next). Tests name the client failure modes of RELIABILITY.md they guard: C1 (the
 * last edits before a tab closes), C3 (compaction), C4 (unsent until acknowledged), C5 (a new
 * document's template stored once with its registration), C6 (content of a newer schema kept),
 * C8 (a dropped record keeps its unsent edits). C2 (the database closed under the app) is
 * the adapter's own (see its tests); C7 (input methods) does not concern storage.
 */
export interface DeviceStoreHarness {
  readonly store: DeviceStore;
  /** Another handle on the same stored data: another tab, or the app after a reload. */
  openAgain(): DeviceStore;
  /** Removes everything the test stored. */
  destroy(): Promise<void>;
}

function updatesOf(change: (doc: Y.Doc) => void, base?: Y.Doc): Uint8Array[] {
  const doc = base ?? new Y.Doc({ gc: false });
  const updates: Uint8Array[] = [];
  const onUpdate = (update: Uint8Array): void => {
    updates.push(update);
  };
  doc.on('update', onUpdate);
  change(doc);
  doc.off('update', onUpdate);
  return updates;
}

function docFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  for (const update of updates) {
    Y.applyUpdate(doc, update);
  }
  return doc;
}

function countOf(store: DeviceStore, room: RoomName | null): Promise<number> {
  return new Promise((resolve) => {
    const stop = store.updates.watchUnsent(room, (count) => {
      queueMicrotask(() => stop());
      resolve(count);
    });
  });
}

function outboxRow(docId: DocId, op: string, payload: unknown): NewOutboxRow {
  const me = makeMe([]);
  return { docId, userId: me.id, op, payload, createdAt: 1, attempts: 0, lastError: null, isRefused: false };
}

function notification(id: string, docId: DocId, at: number): Notification {
  return {
    id,
    type: 'mention',
    docId,
    docTitle: '关于养老服务的建议',
    actorId: makeMe([]).id,
    at,
    readAt: null,
    reason: null,
    excerpt: null,
    threadId: null,
  };
}

export function runDeviceStoreContract(name: string, open: () => DeviceStoreHarness): void {
  describe(`${name}: the device store contract`, () => {
    let harness: DeviceStoreHarness;
    let store: DeviceStore;
    const groupId = newGroupId();
    const me = makeMe([groupId]);

    beforeEach(() => {
      harness = open();
      store = harness.store;
    });

    afterEach(async () => {
      await harness.destroy();
    });

    describe('update log', () => {
      it('stores updates in order and records only local ones as unsent (C4)', async () => {
        const room = roomNameOf(newDocId());
        const [first, second] = updatesOf((doc) => {
          doc.getText(ContentField.title).insert(0, '关于');
          doc.getText(ContentField.title).insert(2, '养老');
        });
        await store.updates.append(room, first!, true);
        await store.updates.append(room, second!, false);
        expect(
          docFrom(await store.updates.read(room))
            .getText(ContentField.title)
            .toString(),
        ).toBe('关于养老');
        const unsent = await store.updates.listUnsent(room);
        expect(unsent.map((row) => row.update)).toEqual([first]);
        expect(await store.updates.unsentRooms()).toEqual([room]);
        await store.updates.acknowledge(
          room,
          unsent.map((row) => row.seq),
        );
        expect(await store.updates.listUnsent(room)).toEqual([]);
        expect(await countOf(store, room)).toBe(0);
      });

      it('keeps an append issued right before the store closes, as a tab that closes does (C1)', async () => {
        const room = roomNameOf(newDocId());
        await store.updates.read(room);
        const [update] = updatesOf((doc) => doc.getText(ContentField.title).insert(0, '最后一个字'));
        const appended = store.updates.append(room, update!, true);
        store.close();
        await appended.catch(() => undefined);
        const reopened = harness.openAgain();
        expect(await reopened.updates.read(room)).toEqual([update]);
        expect((await reopened.updates.listUnsent(room)).length).toBe(1);
        reopened.close();
      });

      it('counts unsent updates per room and in all, here and in another tab (C4)', async () => {
        const content = roomNameOf(newDocId());
        const comments = roomNameOf(newDocId(), RoomKind.comments);
        const counts: number[] = [];
        const totals: number[] = [];
        const stopRoom = store.updates.watchUnsent(content, (count) => counts.push(count));
        const stopAll = store.updates.watchUnsent(null, (count) => totals.push(count));
        await waitUntil(() => counts.length > 0 && totals.length > 0, { what: 'the first counts' });
        const updates = updatesOf((doc) => {
          doc.getText(ContentField.title).insert(0, '一');
          doc.getText(ContentField.title).insert(1, '二');
        });
        await store.updates.append(content, updates[0]!, true);
        await store.updates.append(comments, updates[1]!, true);
        await waitUntil(() => counts.at(-1) === 1 && totals.at(-1) === 2, { what: 'counts after two appends' });

        const other = harness.openAgain();
        const otherTotals: number[] = [];
        const stopOther = other.updates.watchUnsent(null, (count) => otherTotals.push(count));
        await waitUntil(() => otherTotals.at(-1) === 2, { what: 'the other tab reading the counts' });
        const [row] = await store.updates.listUnsent(content);
        await store.updates.acknowledge(content, [row!.seq]);
        await waitUntil(() => counts.at(-1) === 0 && totals.at(-1) === 1, { what: 'counts after the acknowledgement' });
        await waitUntil(() => otherTotals.at(-1) === 1, { what: 'the other tab hearing of it' });
        stopRoom();
        stopAll();
        stopOther();
        other.close();
      });

      it('compacts a log into one update with the same content and keeps unsent records (C3)', async () => {
        const room = roomNameOf(newDocId());
        const source = new Y.Doc({ gc: false });
        const updates = updatesOf((doc) => {
          for (let i = 0; i < 20; i += 1) {
            doc.getText(ContentField.title).insert(i, String(i % 10));
          }
          doc.getText(ContentField.title).delete(0, 5);
        }, source);
        for (const update of updates) {
          await store.updates.append(room, update, true);
        }
        expect(await store.updates.compact(room)).toMatchObject({ rowsBefore: 21 });
        const stored = await store.updates.read(room);
        expect(stored).toHaveLength(1);
        expect(docFrom(stored).getText(ContentField.title).toString()).toBe(
          source.getText(ContentField.title).toString(),
        );
        expect(await store.updates.listUnsent(room)).toHaveLength(21);
      });

      it('keeps what a newer schema wrote through compaction, for a newer app to read (C6)', async () => {
        const room = roomNameOf(newDocId());
        const updates = updatesOf((doc) => {
          doc.getMap('meta').set(MetaKey.schemaVersion, 99);
          doc.getMap('future').set('field', '新字段');
          doc.getText(ContentField.title).insert(0, '新版文档');
        });
        for (const update of updates) {
          await store.updates.append(room, update, false);
        }
        await store.updates.compact(room);
        const doc = docFrom(await store.updates.read(room));
        expect(doc.getMap('meta').get(MetaKey.schemaVersion)).toBe(99);
        expect(doc.getMap('future').get('field')).toBe('新字段');
      });
    });

    describe('documents', () => {
      it('lists rows newest first and keeps fields a change does not give', async () => {
        const older = newDocId();
        const newer = newDocId();
        await store.docs.saveLocal(older, { title: '旧', kind: DocKind.researchReport, updatedAt: 1 });
        await store.docs.saveLocal(newer, { title: '新', updatedAt: 2 });
        await store.docs.saveLocal(older, { title: '旧文档' });
        const rows = await store.docs.list();
        expect(rows.map((row) => row.title)).toEqual(['新', '旧文档']);
        expect(rows[1]).toMatchObject({ id: older, kind: DocKind.researchReport, updatedAt: 1, record: null });
        expect(await store.docs.get(newDocId())).toBeNull();
      });

      it('keeps the newer title and never lets an older record replace a newer one', async () => {
        const docId = newDocId();
        await store.docs.saveLocal(docId, { title: '本机新标题', updatedAt: 50 });
        const saved = await store.docs.saveServerRecord(makeRecord(docId, groupId, { title: '旧', updatedAt: 40 }), 60);
        expect(saved).toMatchObject({ title: '本机新标题', serverSeenAt: 60, record: { updatedAt: 40 } });
        await store.docs.saveServerRecord(
          makeRecord(docId, groupId, { status: DocStatus.inReview, updatedAt: 70 }),
          80,
        );
        const stale = await store.docs.saveServerRecord(makeRecord(docId, groupId, { updatedAt: 65 }), 90);
        expect(stale.record).toMatchObject({ status: DocStatus.inReview, updatedAt: 70 });
        expect(await store.docs.get(docId)).toEqual(stale);
      });

      it('forgets a record but keeps the row, and remembers what was synced', async () => {
        const docId = newDocId();
        await store.docs.saveServerRecord(makeRecord(docId, groupId, { updatedAt: 5 }), 6);
        await store.docs.markSynced(docId, 5);
        await store.docs.forgetServerRecord(docId);
        expect(await store.docs.get(docId)).toMatchObject({ id: docId, record: null, syncedAt: 5 });
      });

      it('stores a new document, its unsent first updates and its registration together (C5)', async () => {
        const docId = newDocId();
        const template = templateUpdate(DocKind.proposal);
        const row = localDocRow({ id: docId, kind: DocKind.proposal, groupId, title: '', createdBy: me.id, now: 9 });
        const registration = outboxRow(docId, 'registerDoc', { id: docId });
        await store.createDocument({ row, updates: [template], registration });
        expect(await store.updates.read(roomNameOf(docId))).toEqual([template]);
        expect(await countOf(store, roomNameOf(docId))).toBe(1);
        expect(await store.docs.get(docId)).toEqual(row);
        expect(await store.outbox.list()).toEqual([expect.objectContaining({ docId, op: 'registerDoc' })]);
      });
    });

    describe('workspace', () => {
      function workspaceOf(docs: Workspace['docs']): Workspace {
        return { me, groups: [{ id: groupId, name: '农业界', memberIds: [me.id], createdAt: 1 }], people: [], docs };
      }

      it('has no workspace until one is saved', async () => {
        expect(await store.workspace.read()).toBeNull();
      });

      it('stores the workspace and each record, keeping a title typed here after the server’s', async () => {
        const docId = newDocId();
        await store.docs.saveLocal(docId, { title: '本机新标题', updatedAt: 50 });
        const record = makeRecord(docId, groupId, { title: '旧标题', updatedAt: 40 });
        await store.workspace.save(workspaceOf([record]), { requestedAt: 60, fetchedAt: 70 });
        expect(await store.workspace.read()).toMatchObject({ userId: me.id, fetchedAt: 70 });
        expect(await store.docs.get(docId)).toMatchObject({ title: '本机新标题', serverSeenAt: 70, record });
      });

      it('drops the record of a document no longer listed, but keeps one that crossed the request', async () => {
        const gone = newDocId();
        const crossed = newDocId();
        await store.docs.saveServerRecord(makeRecord(gone, groupId), 10);
        await store.docs.saveServerRecord(makeRecord(crossed, groupId, { updatedAt: 5 }), 30);
        await store.workspace.save(workspaceOf([]), { requestedAt: 25, fetchedAt: 40 });
        expect((await store.docs.get(gone))?.record).toBeNull();
        expect((await store.docs.get(crossed))?.record).toMatchObject({ id: crossed });
      });

      it('keeps a document’s unsent edits when its record is dropped (C8)', async () => {
        const docId = newDocId();
        await store.docs.saveServerRecord(makeRecord(docId, groupId), 10);
        const [update] = updatesOf((doc) => doc.getText(ContentField.title).insert(0, '未发送'));
        await store.updates.append(roomNameOf(docId), update!, true);
        await store.workspace.save(workspaceOf([]), { requestedAt: 20, fetchedAt: 30 });
        expect((await store.docs.get(docId))?.record).toBeNull();
        expect(await store.updates.listUnsent(roomNameOf(docId))).toHaveLength(1);
      });
    });

    describe('outbox', () => {
      it('keeps rows in order, replaces an earlier wish and skips a request queued already', async () => {
        const docId = newDocId();
        const first = await store.outbox.add(outboxRow(docId, 'setArchived', { isArchived: true }));
        const replaced = await store.outbox.add(outboxRow(docId, 'setArchived', { isArchived: false }), {
          replaces: (row) => row.op === 'setArchived',
        });
        const skipped = await store.outbox.add(outboxRow(docId, 'setArchived', { isArchived: true }), {
          unlessQueued: (row) => row.op === 'setArchived',
        });
        expect(first?.seq).toBeTypeOf('number');
        expect(skipped).toBeNull();
        expect(await store.outbox.list()).toEqual([replaced]);
        const [a, b] = await store.outbox.addAll([
          outboxRow(docId, 'markRead', { ids: ['1'] }),
          outboxRow(docId, 'markRead', { ids: ['2'] }),
        ]);
        expect((await store.outbox.list()).map((row) => row.seq)).toEqual([replaced?.seq, a?.seq, b?.seq]);
      });

      it('records failures and refusals, retries, and tells whether a removed row was there', async () => {
        const row = await store.outbox.add(outboxRow(newDocId(), 'mention', { threadId: 'x' }));
        const seq = row?.seq ?? -1;
        await store.outbox.recordFailure(seq, { status: 403, code: 'forbidden', message: '不可以' }, true);
        expect(await store.outbox.list()).toEqual([expect.objectContaining({ seq, attempts: 1, isRefused: true })]);
        await store.outbox.retry(seq);
        expect(await store.outbox.list()).toEqual([expect.objectContaining({ seq, attempts: 0, isRefused: false })]);
        expect(await store.outbox.remove(seq)).toBe(true);
        expect(await store.outbox.remove(seq)).toBe(false);
      });
    });

    describe('review caches', () => {
      it('reads a document’s activity only for the user who fetched it', async () => {
        const docId = newDocId();
        const activity = { record: makeRecord(docId, groupId), events: [], versions: [], lastReviewedVersionId: null };
        await store.activity.save(me.id, activity, 1);
        expect(await store.activity.read(docId, me.id)).toEqual(activity);
        expect(await store.activity.read(docId, makeMe([]).id)).toBeNull();
      });

      it('keeps notifications newest first, read marks made here, and says what was unread', async () => {
        const docId = newDocId();
        await store.notifications.saveInbox(me.id, [notification('a', docId, 1), notification('b', docId, 2)]);
        const unread = await store.notifications.markRead(me.id, ['a'], 5);
        expect(unread).toEqual(new Map([[docId, ['a']]]));
        await store.notifications.save(me.id, notification('a', docId, 1));
        await store.notifications.saveInbox(me.id, [notification('a', docId, 1)]);
        const listed = await store.notifications.list(me.id);
        expect(listed.map((each) => [each.id, each.readAt])).toEqual([
          ['b', null],
          ['a', 5],
        ]);
        expect(await store.notifications.list(makeMe([]).id)).toEqual([]);
      });
    });

    describe('activities', () => {
      it('keeps the last list of activities and the check-in keys for a reload, offline', async () => {
        expect(await store.activityCache.readList()).toBeNull();
        const activity = {
          id: crypto.randomUUID(),
          kind: 'research' as const,
          title: '中小企业调研',
          place: '工业园',
          startsAt: 10,
          endsAt: 20,
          groupId,
          organizerId: me.id,
          inviteeIds: [me.id],
          responses: [],
          attendance: [{ userId: me.id, presence: 'attended' as const, via: 'list' as const, at: 15 }],
          createdAt: 1,
          version: 2,
        };
        await store.activityCache.saveList([activity], 30);
        await store.activityCache.saveCheckInKey(activity.id, 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8');
        const again = harness.openAgain();
        expect(await again.activityCache.readList()).toEqual({ activities: [activity], fetchedAt: 30 });
        expect(await again.activityCache.readCheckInKey(activity.id)).toBe(
          'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8',
        );
        expect(await again.activityCache.readCheckInKey(crypto.randomUUID())).toBeNull();
      });
    });

    describe('search index', () => {
      it('tells the last stored update of each room, and who listens of each one stored', async () => {
        const room = roomNameOf(newDocId());
        const stored: RoomName[] = [];
        const stop = store.updates.onStored((each) => stored.push(each));
        const [first, second] = updatesOf((doc) => {
          doc.getText(ContentField.title).insert(0, '关于');
          doc.getText(ContentField.title).insert(2, '养老');
        });
        await store.updates.append(room, first!, true);
        const before = (await store.updates.lastSeqs()).get(room);
        await store.updates.append(room, second!, false);
        const after = (await store.updates.lastSeqs()).get(room);
        stop();
        await store.updates.append(room, first!, false);
        expect(before).toBeTypeOf('number');
        expect(after).toBeGreaterThan(before ?? Number.POSITIVE_INFINITY);
        expect(stored).toEqual([room, room]);
        expect((await store.updates.lastSeqs()).has(roomNameOf(newDocId()))).toBe(false);
      });

      it('tells who listens of an update another tab stored', async () => {
        const room = roomNameOf(newDocId());
        const stored: RoomName[] = [];
        const stop = store.updates.onStored((each) => stored.push(each));
        const [update] = updatesOf((doc) => doc.getText(ContentField.title).insert(0, '医保'));
        await harness.openAgain().updates.append(room, update!, false);
        await vi.waitFor(() => expect(stored).toEqual([room]));
        stop();
      });

      it('keeps a form’s unsaved input until it is cleared, one value per form', async () => {
        expect(await store.forms.read('capture')).toBeNull();
        const photo = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
        await store.forms.save('capture', { title: '村口断桥', photos: [photo] }, 5);
        await store.forms.save('other', { title: '另一份' }, 6);
        const again = harness.openAgain();
        expect(await again.forms.read('capture')).toEqual({ title: '村口断桥', photos: [photo] });
        await again.forms.clear('capture');
        expect(await store.forms.read('capture')).toBeNull();
        expect(await store.forms.read('other')).toEqual({ title: '另一份' });
      });

      it('keeps the saved index for the next start', async () => {
        expect(await store.search.read()).toBeNull();
        await store.search.save({ format: 1, text: '养老服务' }, 1);
        expect(await harness.openAgain().search.read()).toEqual({ format: 1, text: '养老服务' });
      });
    });

    it('observes reads and calls again when what they read changes', async () => {
      const docId = newDocId();
      const seen: (string | null)[] = [];
      const stop = store.observe(
        async () => (await store.docs.get(docId))?.title ?? null,
        (title) => seen.push(title),
        () => undefined,
      );
      await waitUntil(() => seen.length === 1, { what: 'the first value' });
      await store.docs.saveLocal(docId, { title: '新标题' });
      await waitUntil(() => seen.at(-1) === '新标题', { what: 'the changed value' });
      stop();
    });
  });
}
