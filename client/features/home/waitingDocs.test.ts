import { describe, expect, it } from 'vitest';
import {
  DocKind,
  type DocStatus,
  type GroupId,
  newDocId,
  parseGroupId,
  parseUserId,
  Role,
  type UserId,
} from '../../../shared';
import type { DocRecord, Me } from '../../../shared/api/schemas';
import { waitingDocs } from './waitingDocs';

function id<T>(parse: (text: string) => T | null, text: string): T {
  const value = parse(text);
  if (value === null) {
    throw new Error(`bad id ${text}`);
  }
  return value;
}

const ME = id(parseUserId, '00000000-0000-4000-8000-000000000001');
const OTHER = id(parseUserId, '00000000-0000-4000-8000-000000000002');
const MINE = id(parseGroupId, '00000000-0000-4000-8000-0000000000a1');
const THEIRS = id(parseGroupId, '00000000-0000-4000-8000-0000000000b2');

function me(role: Me['role']): Me {
  return {
    id: ME,
    username: 'me',
    name: '我',
    role,
    groupIds: [MINE],
    isActive: true,
    mustChangePassword: false,
    unitId: null,
  };
}

function doc(status: DocStatus, groupId: GroupId, createdBy: UserId, updatedAt: number, isArchived = false): DocRecord {
  return {
    id: newDocId(),
    kind: DocKind.proposal,
    groupId,
    title: `${status}-${updatedAt}`,
    status,
    isArchived,
    createdBy,
    createdAt: 0,
    updatedAt,
    updatedBy: createdBy,
    authorIds: [createdBy],
    cosigners: [],
    lastReturn: null,
    fields: {},
  };
}

describe('waitingDocs', () => {
  const docs = [
    doc('draft', MINE, ME, 1),
    doc('draft', MINE, OTHER, 2),
    doc('returned', MINE, OTHER, 3),
    doc('returned', THEIRS, OTHER, 4),
    doc('in_review', MINE, OTHER, 5),
    doc('in_review', THEIRS, OTHER, 6),
    doc('draft', MINE, ME, 7, true),
    doc('filed', MINE, ME, 8),
    doc('approved', THEIRS, OTHER, 10),
    doc('approved', MINE, OTHER, 11, true),
  ];

  it('shows a member what was returned to their groups, then their own drafts', () => {
    expect(waitingDocs(me(Role.member), docs).map((w) => [w.doc.title, w.reason])).toEqual([
      ['returned-3', 'returned'],
      ['draft-1', 'draft'],
    ]);
  });

  it('shows a convener the documents of their groups in review', () => {
    const reasons = waitingDocs(me(Role.convener), docs).map((w) => w.doc.title);
    expect(reasons).toEqual(['returned-3', 'in_review-5', 'draft-1']);
  });

  it('shows a chair every document in review, newest first', () => {
    const titles = waitingDocs({ ...me(Role.chair), groupIds: [] }, docs).map((w) => w.doc.title);
    expect(titles).toEqual(['in_review-6', 'in_review-5', 'draft-1']);
  });

  it('shows the secretariat every approved document to file (P12), not an archived one', () => {
    const waiting = waitingDocs({ ...me(Role.secretariat), groupIds: [] }, docs);
    expect(waiting.map((w) => [w.doc.title, w.reason])).toEqual([
      ['approved-10', 'filing'],
      ['draft-1', 'draft'],
    ]);
  });

  it('shows nobody but the secretariat an approved document to file', () => {
    for (const role of [Role.member, Role.convener, Role.chair]) {
      expect(waitingDocs(me(role), docs).filter((w) => w.reason === 'filing')).toEqual([]);
    }
  });

  it('counts a co-author’s draft as theirs too', () => {
    const shared = { ...doc('draft', MINE, OTHER, 9), authorIds: [OTHER, ME] };
    expect(waitingDocs(me(Role.member), [shared]).map((w) => w.reason)).toEqual(['draft']);
  });
});
