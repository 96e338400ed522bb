import { describe, expect, it } from 'vitest';
import { type DocId, DocStatus, newDocId, Role, RoomKind, roomNameOf } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import { makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import { type DocRow, emptyDocRow } from '../storage';
import { chooseSyncTargets, unsentRoomsOf } from './syncTargets';

const groupId = newGroupId();
const me = makeMe([groupId]);
const all = { isConnectable: () => true };

/** Unsent content of `ids` (the unsent table's keys are room names). */
function unsentContent(...ids: DocId[]) {
  return unsentRoomsOf(ids.map((id) => roomNameOf(id)));
}

function row(record: DocRecord | null, syncedAt: number | null = null): DocRow {
  const id = record?.id ?? newDocId();
  return { ...emptyDocRow(id), record, serverSeenAt: record === null ? null : 1, syncedAt };
}

describe('chooseSyncTargets', () => {
  it('puts documents with unsent edits first, then the rest newest first', () => {
    const old = row(makeRecord(newDocId(), groupId, { updatedAt: 5 }));
    const recent = row(makeRecord(newDocId(), groupId, { updatedAt: 9 }));
    const edited = row(makeRecord(newDocId(), groupId, { updatedAt: 1 }), 1);
    const targets = chooseSyncTargets(me, [old, recent, edited], unsentContent(edited.id), all);
    expect(targets.map((t) => t.docId)).toEqual([edited.id, recent.id, old.id]);
    expect(targets[1]).toEqual({ docId: recent.id, updatedAt: 9 });
  });

  it('skips documents already on the device, archived, unreadable, unregistered, open in a page or only here', () => {
    const upToDate = row(makeRecord(newDocId(), groupId, { updatedAt: 3 }), 3);
    const archived = row(makeRecord(newDocId(), groupId, { isArchived: true }));
    const otherGroup = row(makeRecord(newDocId(), newGroupId()));
    const deviceOnly = row(null);
    const waiting = row(makeRecord(newDocId(), groupId));
    const isConnectable = (docId: DocId) => docId !== waiting.id;
    const open = row(makeRecord(newDocId(), groupId));
    const isOpen = (docId: DocId) => docId === open.id;
    const rows = [upToDate, archived, otherGroup, deviceOnly, waiting, open];
    expect(chooseSyncTargets(me, rows, unsentContent(deviceOnly.id, open.id), { isConnectable, isOpen })).toEqual([]);
  });

  it('downloads a document the user may only read, but never counts its unsent edits as an upload', () => {
    const inReview = row(makeRecord(newDocId(), groupId, { status: DocStatus.inReview, updatedAt: 4 }), 4);
    expect(chooseSyncTargets(me, [inReview], unsentContent(inReview.id), all)).toEqual([]);
    const chair = makeMe([], { role: Role.chair });
    const unseen = row(makeRecord(newDocId(), groupId, { updatedAt: 7 }));
    expect(chooseSyncTargets(chair, [unseen], unsentContent(unseen.id), all)).toEqual([
      { docId: unseen.id, updatedAt: 7 },
    ]);
  });

  it('uploads unsent comments for anyone who may read, even a chair who may not edit (P9)', () => {
    const chair = makeMe([], { role: Role.chair });
    const inReview = row(makeRecord(newDocId(), groupId, { status: DocStatus.inReview, updatedAt: 4 }), 4);
    const archived = row(makeRecord(newDocId(), groupId, { isArchived: true, updatedAt: 4 }), 4);
    const keys = [roomNameOf(inReview.id, RoomKind.comments), roomNameOf(archived.id, RoomKind.comments), 'junk'];
    expect(chooseSyncTargets(chair, [inReview, archived], unsentRoomsOf(keys), all)).toEqual([
      { docId: inReview.id, updatedAt: 4 },
    ]);
    expect(chooseSyncTargets(chair, [inReview], unsentContent(inReview.id), all)).toEqual([]);
  });
});
