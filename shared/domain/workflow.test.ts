import { describe, expect, it } from 'vitest';
import { Action } from './actions';
import type { GroupId, UserId } from './ids';
import { type Actor, can, type DocumentTarget, decide, documentTarget } from './permissions';
import { DOC_STATUSES, type DocStatus, Role } from './roles';
import {
  EDITABLE_STATUSES,
  freezesContent,
  STATUS_AFTER,
  TRANSITION_ACTIONS,
  TRANSITIONS,
  WORKFLOW,
  WORKFLOW_ACTIONS,
  type WorkflowAction,
} from './workflow';

const GROUP = 'a0000000-0000-4000-8000-000000000001' as GroupId;
const member: Actor = {
  id: 'c0000000-0000-4000-8000-000000000005' as UserId,
  role: Role.member,
  groupIds: [GROUP],
  isActive: true,
};
const convener: Actor = { ...member, id: 'c0000000-0000-4000-8000-000000000003' as UserId, role: Role.convener };
const secretariat: Actor = {
  ...member,
  id: 'c0000000-0000-4000-8000-000000000001' as UserId,
  role: Role.secretariat,
  groupIds: [],
};

/** A member of GROUP who wrote in the document `member` created (DocRecord.authorIds). */
const AUTHOR_ID = 'c0000000-0000-4000-8000-000000000009' as UserId;

function doc(status: DocStatus): DocumentTarget {
  return documentTarget({
    groupId: GROUP,
    status,
    isArchived: false,
    createdBy: member.id,
    authorIds: [member.id, AUTHOR_ID],
  });
}

/** Every status reachable from `status` by someone in this test. */
function next(status: DocStatus): DocStatus[] {
  return WORKFLOW_ACTIONS.filter((action) =>
    [member, convener, secretariat].some((actor) => can(actor, action, doc(status))),
  ).map((action) => STATUS_AFTER[action]);
}

describe('the workflow of a proposal (DESIGN.md, P10-P12, P15)', () => {
  it('allows exactly the transitions of the design, from every status', () => {
    const edges = Object.fromEntries(DOC_STATUSES.map((status) => [status, next(status).sort()]));
    expect(edges).toEqual({
      draft: ['in_review'],
      in_review: ['approved', 'draft', 'returned'],
      returned: ['in_review'],
      approved: ['filed', 'merged', 'not_filed'],
      filed: [],
      not_filed: [],
      merged: [],
    });
  });

  it('walks a proposal from draft to filed', () => {
    const path: DocStatus[] = ['draft'];
    const steps = [
      [member, 'submit_document'],
      [member, 'withdraw_document'],
      [member, 'submit_document'],
      [convener, 'return_document'],
      [member, 'submit_document'],
      [convener, 'approve_document'],
      [secretariat, 'file_document'],
    ] as const;
    for (const [actor, action] of steps) {
      const current = path.at(-1) ?? 'draft';
      expect(can(actor, action, doc(current))).toBe(true);
      path.push(STATUS_AFTER[action]);
    }
    expect(path).toEqual(['draft', 'in_review', 'draft', 'in_review', 'returned', 'in_review', 'approved', 'filed']);
  });
});

const OTHER_GROUP = 'a0000000-0000-4000-8000-000000000002' as GroupId;

/** Everyone who might try a transition on a document of GROUP created by `member`. */
const ROLES_OF_THE_WALK = {
  secretariat,
  chair: { ...member, id: 'c0000000-0000-4000-8000-000000000002' as UserId, role: Role.chair, groupIds: [] },
  convenerOfGroup: convener,
  convenerElsewhere: { ...convener, id: 'c0000000-0000-4000-8000-000000000004' as UserId, groupIds: [OTHER_GROUP] },
  creator: member,
  author: { ...member, id: AUTHOR_ID },
  otherMember: { ...member, id: 'c0000000-0000-4000-8000-000000000006' as UserId },
  memberElsewhere: { ...member, id: 'c0000000-0000-4000-8000-000000000007' as UserId, groupIds: [OTHER_GROUP] },
  deactivated: { ...member, id: 'c0000000-0000-4000-8000-000000000008' as UserId, isActive: false },
} as const satisfies Record<string, Actor>;
type WalkRole = keyof typeof ROLES_OF_THE_WALK;

/**
 * The edges each role may take, written out by hand from DESIGN.md, P10-P12 and P15: from a
 * status, to the statuses reachable in one transition. An archived document moves for nobody; a
 * member of the group who is not an author submits nor withdraws it, whatever their role.
 */
const AUTHOR_EDGES = { draft: ['in_review'], returned: ['in_review'], in_review: ['draft'] } as const;
const EDGES_BY_ROLE: Record<WalkRole, Partial<Record<DocStatus, readonly DocStatus[]>>> = {
  secretariat: { approved: ['filed', 'not_filed', 'merged'] },
  chair: { in_review: ['approved', 'returned'] },
  convenerOfGroup: { in_review: ['approved', 'returned'] },
  convenerElsewhere: {},
  creator: AUTHOR_EDGES,
  author: AUTHOR_EDGES,
  otherMember: {},
  memberElsewhere: {},
  deactivated: {},
};

const walkCases = (Object.keys(ROLES_OF_THE_WALK) as WalkRole[]).flatMap((role) =>
  DOC_STATUSES.flatMap((status) => [false, true].map((isArchived) => ({ role, status, isArchived }))),
);

describe('every role, every state: the transitions can() allows (P10-P12, P15)', () => {
  it.each(walkCases)('$role from $status (archived: $isArchived)', ({ role, status, isArchived }) => {
    const actor = ROLES_OF_THE_WALK[role];
    const target: DocumentTarget = { ...doc(status), isArchived };
    const reachable = WORKFLOW_ACTIONS.filter((action: WorkflowAction) => can(actor, action, target))
      .map((action) => STATUS_AFTER[action])
      .sort();
    const expected = isArchived ? [] : [...(EDGES_BY_ROLE[role][status] ?? [])].sort();
    expect(reachable).toEqual(expected);
  });

  it('refuses every transition of an archived document as archived, to those who could otherwise make it', () => {
    for (const action of WORKFLOW_ACTIONS) {
      for (const status of DOC_STATUSES) {
        const live = doc(status);
        const actors = Object.values(ROLES_OF_THE_WALK).filter((actor) => can(actor, action, live));
        for (const actor of actors) {
          expect(decide(actor, action, { ...live, isArchived: true })).toEqual({ allowed: false, denial: 'archived' });
        }
      }
    }
  });
});

describe('the workflow table (shared/domain/workflow.ts) agrees with DESIGN.md and can()', () => {
  it('names one action per transition, in the order the UI offers them', () => {
    expect(TRANSITIONS.map((transition) => TRANSITION_ACTIONS[transition])).toEqual([
      'submit_document',
      'withdraw_document',
      'return_document',
      'approve_document',
      'file_document',
      'reject_filing',
      'merge_document',
    ]);
    expect(WORKFLOW_ACTIONS).toEqual(TRANSITIONS.map((transition) => TRANSITION_ACTIONS[transition]));
  });

  it('leaves from exactly the statuses someone may take each transition from (P10-P12, P15)', () => {
    const everyone = Object.values(ROLES_OF_THE_WALK);
    for (const transition of TRANSITIONS) {
      const takenFrom = DOC_STATUSES.filter((status) =>
        everyone.some((actor) => can(actor, TRANSITION_ACTIONS[transition], doc(status))),
      );
      expect(takenFrom).toEqual([...WORKFLOW[transition].from]);
    }
  });

  it('freezes the content on submit, approve and file: where members may no longer edit it (P7)', () => {
    expect(TRANSITIONS.filter(freezesContent)).toEqual(['submit', 'approve', 'file', 'reject', 'merge']);
    for (const transition of TRANSITIONS) {
      const mayEditAfter = can(member, Action.editContent, doc(WORKFLOW[transition].to));
      expect(freezesContent(transition)).toBe(!mayEditAfter);
    }
    expect(EDITABLE_STATUSES).toEqual(['draft', 'returned']);
  });

  it('asks a reason of a return and of 不予立案 only, and counts return and approve as reviews', () => {
    expect(TRANSITIONS.filter((transition) => WORKFLOW[transition].needsReason)).toEqual(['return', 'reject']);
    expect(TRANSITIONS.filter((transition) => WORKFLOW[transition].isReview)).toEqual(['return', 'approve']);
  });

  it('P15: a withdrawal takes a submission back to draft, tells the reviewers, and only before any review', () => {
    expect(TRANSITIONS.filter((transition) => WORKFLOW[transition].needsUnreviewed)).toEqual(['withdraw']);
    expect(WORKFLOW.withdraw).toMatchObject({ from: ['in_review'], to: 'draft', notifies: 'reviewers' });
    expect(WORKFLOW.withdraw.notifies).toBe(WORKFLOW.submit.notifies);
  });

  it('saves a version at submit, return and approve, and none at withdraw and the office decisions (DESIGN.md, Review)', () => {
    expect(TRANSITIONS.map((transition) => WORKFLOW[transition].versionCause)).toEqual([
      'submit',
      null,
      'return',
      'approve',
      null,
      null,
      null,
    ]);
  });
});
