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
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ROLES: readonly Role[] = [Role.secretariat, Role.chair, Role.convener, Role.member];

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
} as const;
export type DocStatus = (typeof DocStatus)[keyof typeof DocStatus];

export const DOC_STATUSES: readonly DocStatus[] = [
  DocStatus.draft,
  DocStatus.inReview,
  DocStatus.returned,
  DocStatus.approved,
  DocStatus.filed,
];

export function parseDocStatus(value: unknown): DocStatus | null {
  return DOC_STATUSES.find((status) => status === value) ?? null;
}
