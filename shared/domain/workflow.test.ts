import { describe, expect, it } from 'vitest';
import type { GroupId, UserId } from './ids';
import { type Actor, can, type DocumentTarget } from './permissions';
import { DOC_STATUSES, type DocStatus, Role } from './roles';
import { STATUS_AFTER, WORKFLOW_ACTIONS } from './workflow';

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

function doc(status: DocStatus): DocumentTarget {
  return { type: 'document', groupId: GROUP, status, isArchived: false, createdBy: member.id };
}

/** Every status reachable from `status` by someone in this test. */
function next(status: DocStatus): DocStatus[] {
  return WORKFLOW_ACTIONS.filter((action) =>
    [member, convener, secretariat].some((actor) => can(actor, action, doc(status))),
  ).map((action) => STATUS_AFTER[action]);
}

describe('the workflow of a proposal (DESIGN.md, P10-P12)', () => {
  it('allows exactly the transitions of the design, from every status', () => {
    const edges = Object.fromEntries(DOC_STATUSES.map((status) => [status, next(status).sort()]));
    expect(edges).toEqual({
      draft: ['in_review'],
      in_review: ['approved', 'returned'],
      returned: ['in_review'],
      approved: ['filed'],
      filed: [],
    });
  });

  it('walks a proposal from draft to filed', () => {
    const path: DocStatus[] = ['draft'];
    const steps = [
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
    expect(path).toEqual(['draft', 'in_review', 'returned', 'in_review', 'approved', 'filed']);
  });
});
