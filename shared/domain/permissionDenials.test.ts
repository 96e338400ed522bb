import { describe, expect, it } from 'vitest';
import { can, Denial, type DocumentTarget, decide, documentTarget } from './permissions';
import { DOC_STATUSES, type DocStatus } from './roles';
import { AUTHOR, CREATOR, documentOf, OWN_GROUP, SUBJECTS } from './test/permissionSubjects';

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
