import { describe, expect, it } from 'vitest';
import { DocKind, DocStatus, newDocId } from '../../../shared';
import { makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import type { OutboxRow } from '../outbox';
import { type DocRow, emptyDocRow, type WorkspaceRow } from '../storage';
import { composeWorkspace } from './composeWorkspace';

const groupId = newGroupId();
const me = makeMe([groupId]);
const snapshot: WorkspaceRow = { userId: me.id, me, groups: [], people: [], fetchedAt: 5 };

/** A document row with the fields a test gives; the others as on a fresh row. */
function docRow(fields: Partial<DocRow> & Pick<DocRow, 'id'>): DocRow {
  return { ...emptyDocRow(fields.id), ...fields };
}

function outboxRow(row: Omit<OutboxRow, 'userId' | 'createdAt' | 'attempts' | 'lastError' | 'isRefused'>): OutboxRow {
  return { userId: me.id, createdAt: 1, attempts: 0, lastError: null, isRefused: false, ...row } as OutboxRow;
}

describe('composeWorkspace', () => {
  it('is null before the first fetch, or when the cache belongs to another user', () => {
    expect(composeWorkspace({ snapshot: null, me, docs: [], outbox: [] })).toBeNull();
    expect(composeWorkspace({ snapshot, me: makeMe([groupId]), docs: [], outbox: [] })).toBeNull();
  });

  it('lists server documents with this device’s newer title and pending archive change, newest first', () => {
    const a = newDocId();
    const b = newDocId();
    const docs: DocRow[] = [
      docRow({
        id: a,
        title: '本机标题',
        kind: DocKind.proposal,
        updatedAt: 30,
        record: makeRecord(a, groupId, { title: '旧', updatedAt: 20 }),
      }),
      docRow({
        id: b,
        title: '本机旧',
        kind: DocKind.proposal,
        updatedAt: 1,
        record: makeRecord(b, groupId, { title: '服务器', updatedAt: 40 }),
      }),
    ];
    const outbox = [outboxRow({ seq: 1, docId: a, op: 'setArchived', payload: { isArchived: true } })];
    const workspace = composeWorkspace({ snapshot, me, docs, outbox });
    expect(workspace?.docs.map((d) => [d.title, d.updatedAt, d.isArchived])).toEqual([
      ['服务器', 40, false],
      ['本机标题', 30, true],
    ]);
    expect(workspace?.fetchedAt).toBe(5);
  });

  it('lists documents created here and not registered, and documents only on this device, but not lost ones', () => {
    const pending = newDocId();
    const deviceOnly = newDocId();
    const lost = newDocId();
    const docs: DocRow[] = [
      docRow({
        id: pending,
        title: '新提案',
        kind: DocKind.proposal,
        updatedAt: 9,
        groupId,
        createdBy: me.id,
        record: null,
        serverSeenAt: null,
      }),
      docRow({
        id: deviceOnly,
        title: '旧',
        kind: DocKind.socialInfo,
        updatedAt: 8,
        groupId: null,
        record: null,
        serverSeenAt: null,
      }),
      docRow({ id: lost, title: '已移出', kind: DocKind.proposal, updatedAt: 7, record: null, serverSeenAt: 3 }),
    ];
    const payload = { id: pending, kind: DocKind.proposal, groupId, title: '新提案' };
    const outbox = [outboxRow({ seq: 1, docId: pending, op: 'registerDoc', payload })];
    const listed = composeWorkspace({ snapshot, me, docs, outbox })?.docs ?? [];
    expect(listed.map((d) => d.id)).toEqual([pending, deviceOnly]);
    expect(listed[0]).toMatchObject({ groupId, status: DocStatus.draft, createdBy: me.id, authorIds: [me.id] });
    expect(listed[1]).toMatchObject({ groupId: null, kind: DocKind.socialInfo, createdBy: null });
  });
});
