/**
 * What a person does in the committee. One role per account; a convener convenes the groups
 * they belong to.
 */
export const Role = {
  /** The committee's secretariat: manages people and groups, sees every document. */
  secretariat: 'secretariat',
  /** A chair or vice-chair: reads and reviews every group's documents. */
  chair: 'chair',
  /** Convenes an activity group and manages that group's documents. */
  convener: 'convener',
  /** A committee member: drafts in their groups. */
  member: 'member',
  /**
   * A handling unit (承办单位): a department's account that reads only the proposals handed to
   * its unit, read-only and without their discussion, and answers them (P16-P18).
   */
  unit: 'unit',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ROLES: readonly Role[] = [Role.secretariat, Role.chair, Role.convener, Role.member, Role.unit];

export function parseRole(value: unknown): Role | null {
  return ROLES.find((role) => role === value) ?? null;
}

/** Where a document stands in its workflow (see DESIGN.md, Workflow of a proposal). */
export const DocStatus = {
  draft: 'draft',
  inReview: 'in_review',
  returned: 'returned',
  approved: 'approved',
  filed: 'filed',
  /** 不予立案: the office decided not to file it, with a reason, and what it became instead. */
  notFiled: 'not_filed',
  /** 并案: filed under another proposal's number, its proposers credited there. */
  merged: 'merged',
} as const;
export type DocStatus = (typeof DocStatus)[keyof typeof DocStatus];

export const DOC_STATUSES: readonly DocStatus[] = [
  DocStatus.draft,
  DocStatus.inReview,
  DocStatus.returned,
  DocStatus.approved,
  DocStatus.filed,
  DocStatus.notFiled,
  DocStatus.merged,
];

export function parseDocStatus(value: unknown): DocStatus | null {
  return DOC_STATUSES.find((status) => status === value) ?? null;
}
