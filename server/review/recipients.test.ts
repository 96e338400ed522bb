import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DocRecord } from '../../shared/api/schemas';
import { type DocId, DocKind, DocStatus, type GroupId, Role, type UserId } from '../../shared/index';
import type { UserRecord } from '../storage/AccountStore';
import { nextStepTakersOf, notificationsFor } from './recipients';

const GROUP = randomUUID() as GroupId;

function person(name: string, role: Role, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    id: randomUUID() as UserId,
    username: name,
    name,
    role,
    passwordHash: 'unused',
    mustChangePassword: false,
    isActive: true,
    createdAt: 0,
    unitId: null,
    groupIds: role === Role.member || role === Role.convener ? [GROUP] : [],
    ...extra,
  };
}

const member = person('member', Role.member);
const convener = person('convener', Role.convener);
const chair = person('chair', Role.chair);
const secretariat = person('secretariat', Role.secretariat);
const deputy = person('deputy', Role.secretariat);
const retired = person('retired', Role.secretariat, { isActive: false });
const PEOPLE = [member, convener, chair, secretariat, deputy, retired];

function approved(extra: Partial<DocRecord> = {}): DocRecord {
  return {
    id: randomUUID() as DocId,
    kind: DocKind.proposal,
    groupId: GROUP,
    title: '关于加强养老服务的提案',
    status: DocStatus.approved,
    isArchived: false,
    createdBy: member.id,
    createdAt: 1,
    updatedAt: 2,
    updatedBy: member.id,
    authorIds: [member.id],
    cosigners: [],
    lastReturn: null,
    fields: {},
    ...extra,
  };
}

describe('nextStepTakersOf (P12)', () => {
  it('names every active secretariat account once a document is approved: they file it', () => {
    expect(nextStepTakersOf(approved(), DocStatus.approved, PEOPLE)).toEqual([secretariat.id, deputy.id]);
  });

  it('names the reviewers for a document in review (P11), and nobody once it is filed', () => {
    expect(nextStepTakersOf(approved(), DocStatus.inReview, PEOPLE)).toEqual([convener.id, chair.id]);
    expect(nextStepTakersOf(approved(), DocStatus.filed, PEOPLE)).toEqual([]);
  });

  it('names nobody for an archived document, which moves no further', () => {
    expect(nextStepTakersOf(approved({ isArchived: true }), DocStatus.approved, PEOPLE)).toEqual([]);
  });
});

describe('notificationsFor', () => {
  it('tells the secretariat that an approved document waits for filing, never the actor', () => {
    const record = approved();
    const told = notificationsFor(record, [chair.id, ...nextStepTakersOf(record, DocStatus.approved, PEOPLE)], PEOPLE, {
      type: 'approved_awaiting_filing',
      actorId: chair.id,
      at: 5,
    });
    expect(told.map((n) => [n.userId, n.type, n.docTitle])).toEqual([
      [secretariat.id, 'approved_awaiting_filing', '关于加强养老服务的提案'],
      [deputy.id, 'approved_awaiting_filing', '关于加强养老服务的提案'],
    ]);
  });
});
