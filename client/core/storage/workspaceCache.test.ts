import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocKind, newDocId } from '../../../shared';
import type { Workspace } from '../../../shared/api/schemas';
import { makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import { createGroupDocument } from './createGroupDocument';
import { getDocRecord, saveDocRecord, saveServerRecord } from './docRecords';
import { createDb, type JianyanDb } from './JianyanDb';
import { countUnsent } from './updateLog';
import { readWorkspaceRow, saveWorkspace } from './workspaceCache';

let db: JianyanDb;
const groupId = newGroupId();
const me = makeMe([groupId]);

beforeEach(() => {
  db = createDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

function workspaceOf(docs: Workspace['docs']): Workspace {
  return { me, groups: [{ id: groupId, name: '农业界', memberIds: [me.id], createdAt: 1 }], people: [], docs };
}

describe('saveWorkspace', () => {
  it('stores the snapshot and each record, keeping a title typed here after the server’s version', async () => {
    const docId = newDocId();
    await saveDocRecord(db, docId, { title: '本机新标题', updatedAt: 50 });
    await saveWorkspace(db, workspaceOf([makeRecord(docId, groupId, { title: '旧标题', updatedAt: 40 })]), {
      requestedAt: 60,
      fetchedAt: 70,
    });
    expect(await readWorkspaceRow(db)).toMatchObject({ userId: me.id, fetchedAt: 70 });
    expect(await getDocRecord(db, docId)).toMatchObject({
      title: '本机新标题',
      serverSeenAt: 70,
      record: { id: docId },
    });
  });

  it('drops the record of a document the server stopped listing, but not its content', async () => {
    const docId = await createGroupDocument(db, { kind: DocKind.proposal, groupId, userId: me.id });
    await saveServerRecord(db, makeRecord(docId, groupId), 10);
    await saveWorkspace(db, workspaceOf([]), { requestedAt: 20 });
    expect((await getDocRecord(db, docId))?.record).toBeNull();
    expect(await countUnsent(db, docId)).toBe(1);
  });

  it('keeps a registration that crossed the request, which the older answer does not list', async () => {
    const docId = newDocId();
    await saveServerRecord(db, makeRecord(docId, groupId, { updatedAt: 5 }), 30);
    await saveWorkspace(db, workspaceOf([]), { requestedAt: 25 });
    expect((await getDocRecord(db, docId))?.record).toMatchObject({ id: docId });
  });
});
