import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ContentField,
  DocKind,
  type GroupId,
  newDocId,
  readDocKind,
  templateHeadings,
  type UserId,
} from '../../../shared';
import { createGroupDocument } from './createGroupDocument';
import { getDocRecord, listDocRecords, saveDocRecord } from './docRecords';
import { createDb, type JianyanDb } from './JianyanDb';
import {
  appendUpdate,
  COMPACT_AFTER_ROWS,
  compactUpdates,
  countUnsent,
  deleteUnsent,
  listUnsent,
  readUpdates,
  shouldCompact,
} from './updateLog';

let db: JianyanDb;

beforeEach(() => {
  db = createDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

function docFrom(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  for (const update of updates) {
    Y.applyUpdate(doc, update);
  }
  return doc;
}

describe('update log', () => {
  it('stores updates in order and records only local ones as unsent', async () => {
    const docId = newDocId();
    const source = new Y.Doc({ gc: false });
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    source.getText(ContentField.title).insert(0, '关于');
    source.getText(ContentField.title).insert(2, '养老');
    await appendUpdate(db, docId, updates[0]!, true);
    await appendUpdate(db, docId, updates[1]!, false);
    expect(
      docFrom(await readUpdates(db, docId))
        .getText(ContentField.title)
        .toString(),
    ).toBe('关于养老');
    expect(await countUnsent(db, docId)).toBe(1);
    expect(await countUnsent(db)).toBe(1);
    const [row] = await listUnsent(db, docId);
    await deleteUnsent(db, docId, [row!.seq!]);
    expect(await countUnsent(db, docId)).toBe(0);
  });

  it('compacts a log into one update with the same content and keeps unsent records (C3)', async () => {
    const docId = newDocId();
    const source = new Y.Doc({ gc: false });
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 20; i += 1) {
      source.getText(ContentField.title).insert(i, String(i % 10));
    }
    source.getText(ContentField.title).delete(0, 5);
    for (const update of updates) {
      await appendUpdate(db, docId, update, true);
    }
    const result = await compactUpdates(db, docId);
    expect(result.rowsBefore).toBe(21);
    expect(await db.updates.where('docId').equals(docId).count()).toBe(1);
    expect(await countUnsent(db, docId)).toBe(21);
    const loaded = docFrom(await readUpdates(db, docId));
    expect(loaded.getText(ContentField.title).toString()).toBe(source.getText(ContentField.title).toString());
  });

  it('decides compaction by row count or size', () => {
    expect(shouldCompact(COMPACT_AFTER_ROWS - 1, 10)).toBe(false);
    expect(shouldCompact(COMPACT_AFTER_ROWS, 10)).toBe(true);
    expect(shouldCompact(2, 10 * 1024 * 1024)).toBe(true);
  });

  it('skips rows that are not updates', async () => {
    const docId = newDocId();
    await db.updates.add({ docId, update: 'garbage' as unknown as Uint8Array });
    expect(await readUpdates(db, docId)).toEqual([]);
  });
});

describe('createGroupDocument (C5)', () => {
  const groupId = crypto.randomUUID() as GroupId;
  const userId = crypto.randomUUID() as UserId;

  it('seeds the template once, as an unsent local update, and records and queues the document', async () => {
    const docId = await createGroupDocument(db, { kind: DocKind.proposal, groupId, userId, now: 1000 });
    const doc = docFrom(await readUpdates(db, docId));
    expect(readDocKind(doc)).toBe(DocKind.proposal);
    expect(doc.getXmlFragment(ContentField.body).length).toBe(templateHeadings(DocKind.proposal).length * 2);
    expect(await countUnsent(db, docId)).toBe(1);
    expect(await getDocRecord(db, docId)).toMatchObject({
      id: docId,
      title: '',
      kind: DocKind.proposal,
      groupId,
      createdBy: userId,
      updatedAt: 1000,
      record: null,
      serverSeenAt: null,
    });
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({
        docId,
        userId,
        op: 'registerDoc',
        payload: { id: docId, kind: 'proposal', groupId, title: '' },
      }),
    ]);
  });

  it('writes the title typed in the create dialog as a second local update', async () => {
    const docId = await createGroupDocument(db, { kind: DocKind.researchReport, groupId, userId, title: ' 乡村教育 ' });
    const doc = docFrom(await readUpdates(db, docId));
    expect(doc.getText(ContentField.title).toString()).toBe('乡村教育');
    expect(await countUnsent(db, docId)).toBe(2);
  });

  it('merges the same template created on two devices into one copy', async () => {
    const a = await createGroupDocument(db, { kind: DocKind.socialInfo, groupId, userId });
    const b = await createGroupDocument(db, { kind: DocKind.socialInfo, groupId, userId });
    const doc = docFrom([...(await readUpdates(db, a)), ...(await readUpdates(db, b))]);
    expect(doc.getXmlFragment(ContentField.body).length).toBe(templateHeadings(DocKind.socialInfo).length * 2);
  });
});

describe('document records', () => {
  it('lists records newest first and keeps fields not given', async () => {
    const older = newDocId();
    const newer = newDocId();
    await saveDocRecord(db, older, { title: '旧', kind: DocKind.researchReport, updatedAt: 1 });
    await saveDocRecord(db, newer, { title: '新', updatedAt: 2 });
    await saveDocRecord(db, older, { title: '旧文档' });
    const records = await listDocRecords(db);
    expect(records.map((r) => r.title)).toEqual(['新', '旧文档']);
    expect(records[1]).toMatchObject({ id: older, title: '旧文档', kind: DocKind.researchReport, updatedAt: 1 });
  });
});
