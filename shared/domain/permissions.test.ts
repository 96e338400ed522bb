import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from './actions';
import type { GroupId, UnitId, UserId } from './ids';
import { type Actor, can, Denial, type DocumentTarget, decide, documentTarget } from './permissions';
import { DOC_STATUSES, type DocStatus, Role } from './roles';

const OWN_GROUP = 'a0000000-0000-4000-8000-000000000001' as GroupId;
const OTHER_GROUP = 'a0000000-0000-4000-8000-000000000002' as GroupId;
const CREATOR = 'b0000000-0000-4000-8000-000000000001' as UserId;
/** A member of OWN_GROUP recorded as an author of the document (DocRecord.authorIds). */
const AUTHOR = 'b0000000-0000-4000-8000-000000000002' as UserId;
/** A member of OWN_GROUP who co-signed the document and signed it. */
const COSIGNER = 'b0000000-0000-4000-8000-000000000003' as UserId;
/** The unit the document is handed to (DocumentTarget.handlingUnitIds), and another. */
const HANDED_UNIT = 'e0000000-0000-4000-8000-000000000001' as UnitId;
const OTHER_UNIT = 'e0000000-0000-4000-8000-000000000002' as UnitId;

function person(id: string, role: Role, groupIds: readonly GroupId[], isActive = true): Actor {
  return { id: id as UserId, role, groupIds, isActive };
}

function unitAccount(id: string, unitId: UnitId): Actor {
  return { id: id as UserId, role: Role.unit, groupIds: [], isActive: true, unitId };
}

/**
 * Everyone the matrix asks about, as seen from a document of OWN_GROUP created by CREATOR and
 * written by CREATOR and AUTHOR; `member` belongs to the group but never wrote in it.
 */
const SUBJECTS = {
  secretariat: person('c0000000-0000-4000-8000-000000000001', Role.secretariat, []),
  chair: person('c0000000-0000-4000-8000-000000000002', Role.chair, []),
  convenerOfGroup: person('c0000000-0000-4000-8000-000000000003', Role.convener, [OWN_GROUP]),
  convenerElsewhere: person('c0000000-0000-4000-8000-000000000004', Role.convener, [OTHER_GROUP]),
  creator: person(CREATOR, Role.member, [OWN_GROUP]),
  author: person(AUTHOR, Role.member, [OWN_GROUP]),
  member: person('c0000000-0000-4000-8000-000000000005', Role.member, [OWN_GROUP, OTHER_GROUP]),
  memberElsewhere: person('c0000000-0000-4000-8000-000000000006', Role.member, [OTHER_GROUP]),
  deactivatedMember: person('c0000000-0000-4000-8000-000000000007', Role.member, [OWN_GROUP], false),
  signedCosigner: person(COSIGNER, Role.member, [OWN_GROUP]),
  unitHanded: unitAccount('c0000000-0000-4000-8000-000000000008', HANDED_UNIT),
  unitElsewhere: unitAccount('c0000000-0000-4000-8000-000000000009', OTHER_UNIT),
} as const;
type Subject = keyof typeof SUBJECTS;
const SUBJECT_NAMES = Object.keys(SUBJECTS) as Subject[];

/**
 * Where a document action is allowed, written out by hand: `all` (every status, archived or not),
 * `live` (every status while not archived), or the statuses allowed, with `archived` when they
 * are allowed for an archived document too.
 */
type Allowed = 'all' | 'live' | 'none' | readonly (DocStatus | 'archived')[];

/** Who may return or approve a document, and when (P11). */
const REVIEWERS: Record<Subject, Allowed> = {
  secretariat: 'none',
  chair: ['in_review'],
  convenerOfGroup: ['in_review'],
  convenerElsewhere: 'none',
  creator: 'none',
  member: 'none',
  author: 'none',
  memberElsewhere: 'none',
  deactivatedMember: 'none',
  signedCosigner: 'none',
  unitHanded: 'none',
  unitElsewhere: 'none',
};

const DOCUMENT_MATRIX: Record<
  | 'read_document'
  | 'edit_content'
  | 'archive_document'
  | 'comment'
  | 'submit_document'
  | 'withdraw_document'
  | 'return_document'
  | 'approve_document'
  | 'file_document'
  | 'save_version'
  | 'cosign'
  | 'invite_cosigners'
  | 'reject_filing'
  | 'merge_document'
  | 'read_discussion'
  | 'manage_handling'
  | 'handle_proposal'
  | 'record_adoption'
  | 'rate_answer'
  | 'discuss_handling',
  Record<Subject, Allowed>
> = {
  // P6
  read_document: {
    secretariat: 'all',
    chair: 'all',
    convenerOfGroup: 'all',
    convenerElsewhere: 'none',
    creator: 'all',
    member: 'all',
    author: 'all',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'all',
    unitHanded: ['filed', 'archived'],
    unitElsewhere: 'none',
  },
  // P7
  edit_content: {
    secretariat: 'none',
    chair: 'none',
    convenerOfGroup: ['draft', 'returned'],
    convenerElsewhere: 'none',
    creator: ['draft', 'returned'],
    member: ['draft', 'returned'],
    author: ['draft', 'returned'],
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: ['draft', 'returned'],
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P8
  archive_document: {
    secretariat: 'all',
    chair: 'none',
    convenerOfGroup: 'all',
    convenerElsewhere: 'none',
    creator: ['draft', 'archived'],
    member: 'none',
    author: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'none',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P10: the creator and the authors, not every member of the group
  submit_document: {
    secretariat: 'none',
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: ['draft', 'returned'],
    author: ['draft', 'returned'],
    member: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'none',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P15: whoever may submit it takes it back; whether a reviewer acted on it is the server's check
  withdraw_document: {
    secretariat: 'none',
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: ['in_review'],
    author: ['in_review'],
    member: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'none',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P11
  return_document: REVIEWERS,
  // P11
  approve_document: REVIEWERS,
  // P12
  file_document: {
    secretariat: ['approved'],
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: 'none',
    member: 'none',
    author: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'none',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P9
  comment: {
    secretariat: 'live',
    chair: 'live',
    convenerOfGroup: 'live',
    convenerElsewhere: 'none',
    creator: 'live',
    member: 'live',
    author: 'live',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'live',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P13
  save_version: {
    secretariat: 'live',
    chair: 'live',
    convenerOfGroup: 'live',
    convenerElsewhere: 'none',
    creator: 'live',
    member: 'live',
    author: 'live',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'live',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P14
  cosign: {
    secretariat: 'none',
    chair: 'none',
    convenerOfGroup: ['draft', 'returned', 'in_review'],
    convenerElsewhere: 'none',
    creator: 'none',
    member: ['draft', 'returned', 'in_review'],
    author: ['draft', 'returned', 'in_review'],
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: ['draft', 'returned', 'in_review'],
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P14
  invite_cosigners: {
    secretariat: 'none',
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: ['draft', 'returned', 'in_review'],
    member: 'none',
    author: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'none',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P12
  reject_filing: {
    secretariat: ['approved'],
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: 'none',
    member: 'none',
    author: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'none',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P12
  merge_document: {
    secretariat: ['approved'],
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: 'none',
    member: 'none',
    author: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'none',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P9, P16: a unit reads the text handed to it, never its discussion
  read_discussion: {
    secretariat: 'all',
    chair: 'all',
    convenerOfGroup: 'all',
    convenerElsewhere: 'none',
    creator: 'all',
    member: 'all',
    author: 'all',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'all',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P17
  manage_handling: {
    secretariat: ['filed'],
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: 'none',
    member: 'none',
    author: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'none',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P16
  handle_proposal: {
    secretariat: 'none',
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: 'none',
    member: 'none',
    author: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'none',
    unitHanded: ['filed'],
    unitElsewhere: 'none',
  },
  // P20: the secretariat, on an approved or filed report (the matrix's document is a social-conditions report)
  record_adoption: {
    secretariat: ['approved', 'filed'],
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: 'none',
    member: 'none',
    author: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: 'none',
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P18: the first proposer and the co-signers who signed
  rate_answer: {
    secretariat: 'none',
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: ['filed'],
    member: 'none',
    author: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: ['filed'],
    unitHanded: 'none',
    unitElsewhere: 'none',
  },
  // P18
  discuss_handling: {
    secretariat: ['filed'],
    chair: 'none',
    convenerOfGroup: 'none',
    convenerElsewhere: 'none',
    creator: ['filed'],
    member: 'none',
    author: 'none',
    memberElsewhere: 'none',
    deactivatedMember: 'none',
    signedCosigner: ['filed'],
    unitHanded: ['filed'],
    unitElsewhere: 'none',
  },
};

function isAllowed(allowed: Allowed, status: DocStatus, isArchived: boolean): boolean {
  switch (allowed) {
    case 'all':
      return true;
    case 'live':
      return !isArchived;
    case 'none':
      return false;
    default:
      return allowed.includes(status) && (!isArchived || allowed.includes('archived'));
  }
}

function documentOf(status: DocStatus, isArchived: boolean): DocumentTarget {
  return documentTarget({
    groupId: OWN_GROUP,
    status,
    isArchived,
    createdBy: CREATOR,
    authorIds: [CREATOR, AUTHOR],
    signedCosignerIds: [COSIGNER],
    handlingUnitIds: [HANDED_UNIT],
    // Only record_adoption reads the kind (P20); the other rules are the same for every kind.
    kind: 'social_info',
  });
}

const documentCases = Object.entries(DOCUMENT_MATRIX).flatMap(([action, bySubject]) =>
  SUBJECT_NAMES.flatMap((subject) =>
    DOC_STATUSES.flatMap((status) =>
      [false, true].map((isArchived) => ({
        action: action as keyof typeof DOCUMENT_MATRIX,
        subject,
        status,
        isArchived,
        expected: isAllowed(bySubject[subject], status, isArchived),
      })),
    ),
  ),
);

describe('can() on documents, every role x action x document state (P1, P6-P15)', () => {
  it.each(documentCases)('$action by $subject on a $status document (archived: $isArchived) is $expected', (row) => {
    const target = documentOf(row.status, row.isArchived);
    expect(can(SUBJECTS[row.subject], row.action, target)).toBe(row.expected);
  });
});

/** Group and committee actions, on OWN_GROUP: who may, written out by hand. */
const GROUP_MATRIX: Record<Exclude<Action, keyof typeof DOCUMENT_MATRIX>, readonly Subject[]> = {
  manage_people: ['secretariat'], // P2
  manage_webhooks: ['secretariat'], // P2
  create_group: ['secretariat'], // P2
  view_group: ['secretariat', 'chair', 'convenerOfGroup', 'creator', 'author', 'member', 'signedCosigner'], // P3
  rename_group: ['secretariat', 'convenerOfGroup'], // P4
  manage_members: ['secretariat', 'convenerOfGroup'], // P4
  create_document: ['convenerOfGroup', 'creator', 'author', 'member', 'signedCosigner'], // P5
  manage_committee: ['secretariat'], // P2
  view_all_documents: ['secretariat', 'chair'], // P19
};

const groupCases = Object.entries(GROUP_MATRIX).flatMap(([action, allowed]) =>
  SUBJECT_NAMES.map((subject) => ({
    action: action as keyof typeof GROUP_MATRIX,
    subject,
    expected: allowed.includes(subject),
  })),
);

describe('can() on groups and the committee, every role (P1-P5, P19)', () => {
  it.each(groupCases)('$action by $subject is $expected', (row) => {
    const actor = SUBJECTS[row.subject];
    const allowed =
      row.action === 'manage_people' ||
      row.action === 'manage_webhooks' ||
      row.action === 'create_group' ||
      row.action === 'manage_committee' ||
      row.action === 'view_all_documents'
        ? can(actor, row.action, { type: 'committee' })
        : can(actor, row.action, { type: 'group', groupId: OWN_GROUP });
    expect(allowed).toBe(row.expected);
  });
});

describe('decide() says why (docs/RULES.md)', () => {
  it('P1: a deactivated account is refused as inactive, before any other rule', () => {
    expect(decide(SUBJECTS.deactivatedMember, 'read_document', documentOf('draft', false))).toEqual({
      allowed: false,
      denial: Denial.inactive,
    });
  });

  it('P6: a document with no group is read by chairs and the secretariat only', () => {
    const orphan: DocumentTarget = documentTarget({
      groupId: null,
      status: 'draft',
      isArchived: false,
      createdBy: null,
      authorIds: [],
    });
    expect(can(SUBJECTS.secretariat, 'read_document', orphan)).toBe(true);
    expect(can(SUBJECTS.chair, 'read_document', orphan)).toBe(true);
    expect(decide(SUBJECTS.member, 'read_document', orphan)).toEqual({ allowed: false, denial: Denial.notInGroup });
  });

  it('P7: a member is told the status or the archive stops them, not their group', () => {
    expect(decide(SUBJECTS.member, 'edit_content', documentOf('in_review', false))).toEqual({
      allowed: false,
      denial: Denial.status,
    });
    expect(decide(SUBJECTS.member, 'edit_content', documentOf('draft', true))).toEqual({
      allowed: false,
      denial: Denial.archived,
    });
    expect(decide(SUBJECTS.chair, 'edit_content', documentOf('draft', false))).toEqual({
      allowed: false,
      denial: Denial.notInGroup,
    });
  });

  it('P4: a member of the group is refused for their role, a convener elsewhere for their group', () => {
    const group = { type: 'group', groupId: OWN_GROUP } as const;
    expect(decide(SUBJECTS.member, 'manage_members', group)).toEqual({ allowed: false, denial: Denial.role });
    expect(decide(SUBJECTS.convenerElsewhere, 'manage_members', group)).toEqual({
      allowed: false,
      denial: Denial.notInGroup,
    });
  });

  it('P14: the creator may not co-sign their own proposal, and only the creator invites co-signers', () => {
    const draft = documentOf('draft', false);
    expect(decide(SUBJECTS.creator, 'cosign', draft)).toEqual({ allowed: false, denial: Denial.role });
    expect(decide(SUBJECTS.member, 'invite_cosigners', draft)).toEqual({ allowed: false, denial: Denial.role });
    expect(decide(SUBJECTS.chair, 'cosign', draft)).toEqual({ allowed: false, denial: Denial.notInGroup });
    expect(decide(SUBJECTS.member, 'cosign', documentOf('approved', false))).toEqual({
      allowed: false,
      denial: Denial.status,
    });
  });

  it('P10, P15: a member of the group who neither created nor wrote the document is refused as not an author', () => {
    expect(decide(SUBJECTS.member, 'submit_document', documentOf('draft', false))).toEqual({
      allowed: false,
      denial: Denial.notAuthor,
    });
    expect(decide(SUBJECTS.convenerOfGroup, 'withdraw_document', documentOf('in_review', false))).toEqual({
      allowed: false,
      denial: Denial.notAuthor,
    });
    expect(decide(SUBJECTS.chair, 'submit_document', documentOf('draft', false))).toEqual({
      allowed: false,
      denial: Denial.notInGroup,
    });
  });

  it('P10, P15: a document that could not move is refused for its status or archive, before authorship', () => {
    expect(decide(SUBJECTS.member, 'submit_document', documentOf('in_review', false))).toEqual({
      allowed: false,
      denial: Denial.status,
    });
    expect(decide(SUBJECTS.member, 'withdraw_document', documentOf('in_review', true))).toEqual({
      allowed: false,
      denial: Denial.archived,
    });
  });

  it('P10: someone who wrote in the document submits it once they are recorded as its author', () => {
    const draft = documentOf('draft', false);
    expect(can(SUBJECTS.member, 'submit_document', draft)).toBe(false);
    expect(can(SUBJECTS.member, 'submit_document', { ...draft, authorIds: [CREATOR, SUBJECTS.member.id] })).toBe(true);
  });

  it('P15: a submission is withdrawn only while in review, never once returned, approved or archived', () => {
    expect(can(SUBJECTS.creator, 'withdraw_document', documentOf('in_review', false))).toBe(true);
    for (const status of ['draft', 'returned', 'approved', 'filed'] as const) {
      expect(decide(SUBJECTS.creator, 'withdraw_document', documentOf(status, false))).toEqual({
        allowed: false,
        denial: Denial.status,
      });
    }
    expect(decide(SUBJECTS.author, 'withdraw_document', documentOf('in_review', true))).toEqual({
      allowed: false,
      denial: Denial.archived,
    });
  });

  it('P16: a unit reads only a filed proposal handed to it, and never its discussion', () => {
    expect(decide(SUBJECTS.unitElsewhere, 'read_document', documentOf('filed', false))).toEqual({
      allowed: false,
      denial: Denial.notInGroup,
    });
    expect(decide(SUBJECTS.unitHanded, 'read_document', documentOf('approved', false))).toEqual({
      allowed: false,
      denial: Denial.notInGroup,
    });
    expect(decide(SUBJECTS.unitHanded, 'comment', documentOf('filed', false))).toEqual({
      allowed: false,
      denial: Denial.role,
    });
    const declined = { ...documentOf('filed', false), handlingUnitIds: [] };
    expect(can(SUBJECTS.unitHanded, 'read_document', declined)).toBe(false);
    expect(can(SUBJECTS.unitHanded, 'handle_proposal', declined)).toBe(false);
  });

  it('P18: a co-signer who only was invited does not rate the answers', () => {
    const filed = documentOf('filed', false);
    expect(decide(SUBJECTS.member, 'rate_answer', filed)).toEqual({ allowed: false, denial: Denial.notAuthor });
    expect(can(SUBJECTS.member, 'rate_answer', { ...filed, signedCosignerIds: [SUBJECTS.member.id] })).toBe(true);
  });

  it('P20: the use made of a document is recorded for reports only, never for a proposal or an unknown kind', () => {
    const approved = documentOf('approved', false);
    expect(can(SUBJECTS.secretariat, 'record_adoption', { ...approved, kind: 'research_report' })).toBe(true);
    expect(decide(SUBJECTS.secretariat, 'record_adoption', { ...approved, kind: 'proposal' })).toEqual({
      allowed: false,
      denial: Denial.status,
    });
    expect(can(SUBJECTS.secretariat, 'record_adoption', { ...approved, kind: null })).toBe(false);
    expect(decide(SUBJECTS.chair, 'record_adoption', approved)).toEqual({ allowed: false, denial: Denial.role });
  });

  it('every action has a rule in the matrix', () => {
    const covered = new Set<string>([...Object.keys(DOCUMENT_MATRIX), ...Object.keys(GROUP_MATRIX)]);
    expect([...covered].sort()).toEqual([...ACTIONS].sort());
  });
});

describe('documentTarget()', () => {
  it('keeps only the fields the rules read, so both sides decide on the same target', () => {
    const record = {
      id: 'd0000000-0000-4000-8000-000000000001',
      title: '关于加强农村养老服务的提案',
      kind: 'proposal' as const,
      groupId: OWN_GROUP,
      status: DOC_STATUSES[0] as DocStatus,
      isArchived: false,
      createdBy: CREATOR,
      authorIds: [CREATOR, AUTHOR],
      cosigners: [],
    };
    expect(documentTarget(record)).toEqual({
      type: 'document',
      groupId: OWN_GROUP,
      status: DOC_STATUSES[0],
      isArchived: false,
      createdBy: CREATOR,
      authorIds: [CREATOR, AUTHOR],
      signedCosignerIds: [],
      handlingUnitIds: [],
      kind: 'proposal',
    });
  });
});
