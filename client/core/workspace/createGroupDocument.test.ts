import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ContentField,
  DocKind,
  type GroupId,
  readDocKind,
  roomNameOf,
  templateHeadings,
  type UserId,
} from '../../../shared';
import { openTestStore } from '../../test/testStore';
import type { DexieDeviceStore } from '../storage';
import { createGroupDocument } from './createGroupDocument';

const groupId = crypto.randomUUID() as GroupId;
const userId = crypto.randomUUID() as UserId;
let store: DexieDeviceStore;

beforeEach(() => {
  store = openTestStore();
});

afterEach(async () => {
  await store.delete();
});

function docFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  for (const update of updates) {
    Y.applyUpdate(doc, update);
  }
  return doc;
}

describe('createGroupDocument (C5)', () => {
  it('seeds the template once, as an unsent local update, and records and queues the document', async () => {
    const { docId, registration } = await createGroupDocument(store, {
      kind: DocKind.proposal,
      groupId,
      userId,
      now: 1000,
    });
    const doc = docFrom(await store.updates.read(roomNameOf(docId)));
    expect(readDocKind(doc)).toBe(DocKind.proposal);
    expect(doc.getXmlFragment(ContentField.body).length).toBe(templateHeadings(DocKind.proposal).length * 2);
    expect(await store.updates.countUnsent(roomNameOf(docId))).toBe(1);
    expect(await store.docs.get(docId)).toMatchObject({
      id: docId,
      title: '',
      kind: DocKind.proposal,
      groupId,
      createdBy: userId,
      updatedAt: 1000,
      record: null,
      serverSeenAt: null,
    });
    expect(await store.outbox.list()).toEqual([registration]);
    expect(registration).toMatchObject({
      docId,
      userId,
      op: 'registerDoc',
      payload: { id: docId, kind: 'proposal', groupId, title: '' },
    });
  });

  it('writes the title typed in the create dialog as a second local update', async () => {
    const { docId } = await createGroupDocument(store, {
      kind: DocKind.researchReport,
      groupId,
      userId,
      title: ' 乡村教育 ',
    });
    const doc = docFrom(await store.updates.read(roomNameOf(docId)));
    expect(doc.getText(ContentField.title).toString()).toBe('乡村教育');
    expect(await store.updates.countUnsent(roomNameOf(docId))).toBe(2);
  });

  it('merges the same template created on two devices into one copy', async () => {
    const a = await createGroupDocument(store, { kind: DocKind.socialInfo, groupId, userId });
    const b = await createGroupDocument(store, { kind: DocKind.socialInfo, groupId, userId });
    const doc = docFrom([
      ...(await store.updates.read(roomNameOf(a.docId))),
      ...(await store.updates.read(roomNameOf(b.docId))),
    ]);
    expect(doc.getXmlFragment(ContentField.body).length).toBe(templateHeadings(DocKind.socialInfo).length * 2);
  });
});
