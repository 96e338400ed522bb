import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action } from './actions';
import { can } from './permissions';
import { DOC_STATUSES, type DocStatus } from './roles';
import { documentOf, OWN_GROUP, SUBJECT_NAMES, SUBJECTS, type Subject } from './test/permissionSubjects';

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
  create_activity: ['secretariat', 'chair', 'convenerOfGroup'], // V1
  view_duty_records: ['secretariat', 'chair', 'convenerOfGroup'], // P21
  confirm_duty_form: ['convenerOfGroup'], // P21
  view_committee_duty: ['secretariat', 'chair'], // P21
  manage_duty: ['secretariat'], // P21
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

describe('the matrix', () => {
  it('every action has a rule in the matrix', () => {
    const covered = new Set<string>([...Object.keys(DOCUMENT_MATRIX), ...Object.keys(GROUP_MATRIX)]);
    expect([...covered].sort()).toEqual([...ACTIONS].sort());
  });
});
