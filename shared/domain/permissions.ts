import type { GroupId, UserId } from './ids';
import { DocStatus, Role } from './roles';

/** The person asking, as far as permissions go. */
export interface Actor {
  readonly id: UserId;
  readonly role: Role;
  /** The activity groups the person belongs to. */
  readonly groupIds: readonly GroupId[];
  readonly isActive: boolean;
}

/** The whole committee: for actions that belong to no one group. */
export interface CommitteeTarget {
  readonly type: 'committee';
}

export interface GroupTarget {
  readonly type: 'group';
  readonly groupId: GroupId;
}

/** A document's record, as far as permissions go. */
export interface DocumentTarget {
  readonly type: 'document';
  /** Null for a document stored before groups existed: only the secretariat and chairs see it. */
  readonly groupId: GroupId | null;
  readonly status: DocStatus;
  readonly isArchived: boolean;
  readonly createdBy: UserId | null;
}

export type PermissionTarget = CommitteeTarget | GroupTarget | DocumentTarget;

/**
 * The target `can()` rules on for a document's record, client or server side. Copies only the
 * fields a rule reads, so that a record's title or content never rides along into a decision.
 */
export function documentTarget(record: Omit<DocumentTarget, 'type'>): DocumentTarget {
  return {
    type: 'document',
    groupId: record.groupId,
    status: record.status,
    isArchived: record.isArchived,
    createdBy: record.createdBy,
  };
}

/** Everything `can` rules on. Rule ids (P1...) are in docs/RULES.md. */
export const Action = {
  /** Invite, deactivate and import people (P2). */
  managePeople: 'manage_people',
  /** Create an activity group (P2). */
  createGroup: 'create_group',
  /** See a group, its members and its document list (P3). */
  viewGroup: 'view_group',
  /** Rename a group (P4). */
  renameGroup: 'rename_group',
  /** Add members to a group or remove them (P4). */
  manageMembers: 'manage_members',
  /** Create a document in a group (P5). */
  createDocument: 'create_document',
  /** Open a document and receive its content (P6). */
  readDocument: 'read_document',
  /** Change a document's title and body (P7). */
  editContent: 'edit_content',
  /** Archive a document or bring it back (P8). */
  archiveDocument: 'archive_document',
  /** Write in a document's comment threads (P9). */
  comment: 'comment',
  /** Submit a draft or a returned document for review (P10). */
  submitDocument: 'submit_document',
  /** Return a document in review to its group, with a reason (P11). */
  returnDocument: 'return_document',
  /** Approve a document in review (P11). */
  approveDocument: 'approve_document',
  /** File an approved document (P12). */
  fileDocument: 'file_document',
  /** Save a named version by hand, or mark the current one as reviewed (P13). */
  saveVersion: 'save_version',
  /** Co-sign a proposal, sign it again or withdraw (P14). */
  cosign: 'cosign',
  /** Ask members of the group to co-sign one's proposal (P14). */
  inviteCosigners: 'invite_cosigners',
} as const;
export type Action = (typeof Action)[keyof typeof Action];

/** Which kind of target each action applies to. */
export interface ActionTargets {
  manage_people: CommitteeTarget;
  create_group: CommitteeTarget;
  view_group: GroupTarget;
  rename_group: GroupTarget;
  manage_members: GroupTarget;
  create_document: GroupTarget;
  read_document: DocumentTarget;
  edit_content: DocumentTarget;
  archive_document: DocumentTarget;
  comment: DocumentTarget;
  submit_document: DocumentTarget;
  return_document: DocumentTarget;
  approve_document: DocumentTarget;
  file_document: DocumentTarget;
  save_version: DocumentTarget;
  cosign: DocumentTarget;
  invite_cosigners: DocumentTarget;
}

export const ACTIONS: readonly Action[] = Object.values(Action);

/** Why something is not allowed; each has a message on both sides. */
export const Denial = {
  /** The account is deactivated. */
  inactive: 'inactive',
  /** The action needs another role. */
  role: 'role',
  /** The person is not in the document's or the target's group. */
  notInGroup: 'not_in_group',
  /** The document's status does not allow it (for example it is in review). */
  status: 'status',
  /** The document is archived. */
  archived: 'archived',
} as const;
export type Denial = (typeof Denial)[keyof typeof Denial];

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly denial: Denial };

const ALLOW: Decision = { allowed: true };
function deny(denial: Denial): Decision {
  return { allowed: false, denial };
}

/** Statuses in which a group's members may change a document's content (P7). */
const EDITABLE_STATUSES: readonly DocStatus[] = [DocStatus.draft, DocStatus.returned];

function isInGroup(actor: Actor, groupId: GroupId | null): boolean {
  return groupId !== null && actor.groupIds.includes(groupId);
}

function secretariatOnly(actor: Actor): Decision {
  return actor.role === Role.secretariat ? ALLOW : deny(Denial.role);
}

function viewGroup(actor: Actor, target: GroupTarget): Decision {
  if (actor.role === Role.secretariat || actor.role === Role.chair || isInGroup(actor, target.groupId)) {
    return ALLOW;
  }
  return deny(Denial.notInGroup);
}

function manageGroup(actor: Actor, target: GroupTarget): Decision {
  if (actor.role === Role.secretariat) {
    return ALLOW;
  }
  if (actor.role !== Role.convener) {
    return deny(Denial.role);
  }
  return isInGroup(actor, target.groupId) ? ALLOW : deny(Denial.notInGroup);
}

function createDocument(actor: Actor, target: GroupTarget): Decision {
  return isInGroup(actor, target.groupId) ? ALLOW : deny(Denial.notInGroup);
}

function readDocument(actor: Actor, target: DocumentTarget): Decision {
  if (actor.role === Role.secretariat || actor.role === Role.chair || isInGroup(actor, target.groupId)) {
    return ALLOW;
  }
  return deny(Denial.notInGroup);
}

function editContent(actor: Actor, target: DocumentTarget): Decision {
  if (!isInGroup(actor, target.groupId)) {
    return deny(Denial.notInGroup);
  }
  if (target.isArchived) {
    return deny(Denial.archived);
  }
  return EDITABLE_STATUSES.includes(target.status) ? ALLOW : deny(Denial.status);
}

function archiveDocument(actor: Actor, target: DocumentTarget): Decision {
  if (actor.role === Role.secretariat) {
    return ALLOW;
  }
  if (!isInGroup(actor, target.groupId)) {
    return deny(Denial.notInGroup);
  }
  if (actor.role === Role.convener) {
    return ALLOW;
  }
  if (target.createdBy !== actor.id) {
    return deny(Denial.role);
  }
  return target.status === DocStatus.draft ? ALLOW : deny(Denial.status);
}

function comment(actor: Actor, target: DocumentTarget): Decision {
  const read = readDocument(actor, target);
  if (!read.allowed) {
    return read;
  }
  return target.isArchived ? deny(Denial.archived) : ALLOW;
}

/** Statuses from which a document may be submitted (P10). */
const SUBMITTABLE_STATUSES: readonly DocStatus[] = [DocStatus.draft, DocStatus.returned];

/** A live document in one of `statuses`; otherwise why not. */
function inStatus(target: DocumentTarget, statuses: readonly DocStatus[]): Decision {
  if (target.isArchived) {
    return deny(Denial.archived);
  }
  return statuses.includes(target.status) ? ALLOW : deny(Denial.status);
}

function submitDocument(actor: Actor, target: DocumentTarget): Decision {
  return isInGroup(actor, target.groupId) ? inStatus(target, SUBMITTABLE_STATUSES) : deny(Denial.notInGroup);
}

function reviewDocument(actor: Actor, target: DocumentTarget): Decision {
  const isReviewer = actor.role === Role.chair || (actor.role === Role.convener && isInGroup(actor, target.groupId));
  if (!isReviewer) {
    return actor.role === Role.convener ? deny(Denial.notInGroup) : deny(Denial.role);
  }
  return inStatus(target, [DocStatus.inReview]);
}

function fileDocument(actor: Actor, target: DocumentTarget): Decision {
  return actor.role === Role.secretariat ? inStatus(target, [DocStatus.approved]) : deny(Denial.role);
}

/** Statuses in which a proposal gathers co-signers (P14). */
const COSIGNABLE_STATUSES: readonly DocStatus[] = [DocStatus.draft, DocStatus.returned, DocStatus.inReview];

function cosign(actor: Actor, target: DocumentTarget): Decision {
  if (!isInGroup(actor, target.groupId)) {
    return deny(Denial.notInGroup);
  }
  if (target.createdBy === actor.id) {
    return deny(Denial.role);
  }
  return inStatus(target, COSIGNABLE_STATUSES);
}

function inviteCosigners(actor: Actor, target: DocumentTarget): Decision {
  if (!isInGroup(actor, target.groupId)) {
    return deny(Denial.notInGroup);
  }
  if (target.createdBy !== actor.id) {
    return deny(Denial.role);
  }
  return inStatus(target, COSIGNABLE_STATUSES);
}

type Rule<A extends Action> = (actor: Actor, target: ActionTargets[A]) => Decision;

const RULES: { readonly [A in Action]: Rule<A> } = {
  manage_people: secretariatOnly,
  create_group: secretariatOnly,
  view_group: viewGroup,
  rename_group: manageGroup,
  manage_members: manageGroup,
  create_document: createDocument,
  read_document: readDocument,
  edit_content: editContent,
  archive_document: archiveDocument,
  comment,
  submit_document: submitDocument,
  return_document: reviewDocument,
  approve_document: reviewDocument,
  file_document: fileDocument,
  save_version: comment,
  cosign,
  invite_cosigners: inviteCosigners,
};

/** Decides whether `actor` may do `action` on `target`, and if not, why (P1-P14). */
export function decide<A extends Action>(actor: Actor, action: A, target: ActionTargets[A]): Decision {
  if (!actor.isActive) {
    return deny(Denial.inactive);
  }
  const rule: Rule<A> = RULES[action];
  return rule(actor, target);
}

/** Whether `actor` may do `action` on `target`. The one permission check of client and server. */
export function can<A extends Action>(actor: Actor, action: A, target: ActionTargets[A]): boolean {
  return decide(actor, action, target).allowed;
}
