import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocKind, type RoomName } from '../../shared/index';
import type { DocRecordStore } from './DocRecordStore';
import { EMPTY_BATCH } from './DocStore';
import {
  newDocumentId,
  newGroupId,
  newUserId,
  type OpenRecordStores,
  type RecordStoresHarness,
} from './recordStoresHarness';

/** The behaviour every DocRecordStore adapter must show; each adapter's test runs it. */
export function describeDocRecordStoreContract(name: string, open: OpenRecordStores): void {
  describe(`${name} (DocRecordStore contract)`, () => {
    let harness: RecordStoresHarness;
    let store: DocRecordStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.records;
    });
    afterEach(() => harness.dispose());

    it('registers a document once, with its creator as first author', async () => {
      const creator = newUserId();
      const id = newDocumentId();
      const doc = {
        id,
        kind: DocKind.proposal,
        groupId: newGroupId(),
        title: '关于',
        createdBy: creator,
        createdAt: 50,
      };
      const first = await store.createDocument(doc);
      expect(first).toEqual({
        isCreated: true,
        record: {
          ...doc,
          status: 'draft',
          isArchived: false,
          updatedAt: 50,
          updatedBy: creator,
          authorIds: [creator],
          cosigners: [],
          lastReturn: null,
          fields: {},
        },
      });
      const again = await store.createDocument({ ...doc, kind: DocKind.socialInfo, createdAt: 99 });
      expect(again).toEqual({ isCreated: false, record: first.record });
      expect(await store.getDocument(id)).toEqual(first.record);
      expect(await store.getDocument(id, { withSnapshots: true })).toEqual(first.record);
      expect(await store.listDocuments()).toEqual([first.record]);
      expect(await store.getAccessRecord(id)).toEqual({
        id,
        kind: DocKind.proposal,
        groupId: doc.groupId,
        status: 'draft',
        isArchived: false,
        createdBy: creator,
      });
      expect(await store.setDocumentArchived(id, true)).toMatchObject({ isArchived: true });
      expect(await store.getAccessRecord(id)).toMatchObject({ isArchived: true });
      expect(await store.setDocumentArchived(newDocumentId(), true)).toBeNull();
      expect(await store.getDocument(newDocumentId())).toBeNull();
      expect(await store.getAccessRecord(newDocumentId())).toBeNull();
    });

    it('archives and restores with a change time always later than before, and lists the newest first', async () => {
      const later = Date.now() + 1_000_000;
      const base = { kind: DocKind.proposal, groupId: newGroupId(), title: '', createdBy: newUserId() };
      const old = await store.createDocument({ ...base, id: newDocumentId(), createdAt: 10 });
      const fresh = await store.createDocument({ ...base, id: newDocumentId(), createdAt: later });
      expect((await store.listDocuments()).map((record) => record.id)).toEqual([fresh.record.id, old.record.id]);

      const archived = await store.setDocumentArchived(fresh.record.id, true);
      expect(archived).toMatchObject({ isArchived: true, updatedAt: later + 1 });
      const restored = await store.setDocumentArchived(fresh.record.id, false);
      expect(restored).toMatchObject({ isArchived: false, updatedAt: later + 2 });
      expect((await store.setDocumentArchived(old.record.id, true))?.updatedAt).toBeGreaterThan(10);
    });

    it('lists the creator first among authors the relay recorded earlier', async (context) => {
      const docs = harness.docs;
      if (docs === undefined) {
        context.skip('the memory adapters share no records with the relay');
        return;
      }
      const [creator, early] = [newUserId(), newUserId()];
      const id = newDocumentId();
      await store.createDocument({
        id,
        kind: DocKind.proposal,
        groupId: newGroupId(),
        title: '',
        createdBy: creator,
        createdAt: 50,
      });
      await docs.write({
        ...EMPTY_BATCH,
        updates: [{ room: id as string as RoomName, update: new Uint8Array([0, 0]) }],
        documents: [{ id, title: '新标题', updatedAt: 70, updatedBy: early }],
        authors: [{ docId: id, userId: early, at: 10 }],
      });
      expect(await store.getDocument(id)).toMatchObject({
        title: '新标题',
        updatedBy: early,
        authorIds: [creator, early],
      });
    });

    it('carries the fields the relay mirrors from the content, and keeps them when a summary has none', async (context) => {
      const docs = harness.docs;
      if (docs === undefined) {
        context.skip('the memory adapters share no records with the relay');
        return;
      }
      const creator = newUserId();
      const id = newDocumentId();
      const created = await store.createDocument({
        id,
        kind: DocKind.proposal,
        groupId: newGroupId(),
        title: '',
        createdBy: creator,
        createdAt: 50,
      });
      expect(created.record.fields).toEqual({});
      const fields = { sector: '经济界', category: 'economy', publishable: true, suggestedUnitIds: [newUserId()] };
      await docs.write({
        ...EMPTY_BATCH,
        documents: [{ id, title: '关于', updatedAt: 70, updatedBy: creator, fields }],
      });
      expect((await store.getDocument(id))?.fields).toEqual(fields);
      await docs.write({ ...EMPTY_BATCH, documents: [{ id, title: '关于乡村', updatedAt: 80, updatedBy: null }] });
      const listed = (await store.listDocuments()).find((record) => record.id === id);
      expect(listed).toMatchObject({ title: '关于乡村', fields });
      await docs.write({
        ...EMPTY_BATCH,
        documents: [{ id, title: '关于乡村', updatedAt: 90, updatedBy: null, fields: {} }],
      });
      expect((await store.getDocument(id))?.fields).toEqual({});
    });

    it('refuses every call once closed', async () => {
      await store.close();
      await expect(store.listDocuments()).rejects.toThrow(/document record store is closed/);
    });
  });
}
