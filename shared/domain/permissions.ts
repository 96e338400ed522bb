import type { Action } from './actions';
import { isAdoptable } from './adoptions';
import type { DocKind } from './documentSchema';
import type { GroupId, UnitId, UserId } from './ids';
import { DocStatus, Role } from './roles';
import { EDITABLE_STATUSES, WORKFLOW } from './workflow';

/** The person asking, as far as permissions go. */
export interface Actor {
  readonly id: UserId;
  readonly role: Role;
  /** The activity groups the person belongs to. */
  readonly groupIds: readonly GroupId[];
  readonly isActive: boolean;
  /** A handling unit's account: the unit it answers for (P16); absent or null for everyone else. */
  readonly unitId?: UnitId | null;
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
  /** Everyone recorded as having changed the content (DocRecord.authorIds): who submits it with its creator (P10). */
  readonly authorIds: readonly UserId[];
  /** The co-signers who signed: they rate the answers beside the first proposer (P18). */
  readonly signedCosignerIds: readonly UserId[];
  /** The units the proposal is handed to and that did not decline (P16). */
  readonly handlingUnitIds: readonly UnitId[];
  /** The kind of document; null when the caller did not say (the rules that need it then refuse). */
  readonly kind: DocKind | null;
}

export type PermissionTarget = CommitteeTarget | GroupTarget | DocumentTarget;

/**
 * The target `can()` rules on for a document's record, client or server side. Copies only the
 * fields a rule reads, so that a record's title or content never rides along into a decision.
 */
export function documentTarget(
  record: Omit<DocumentTarget, 'type' | 'signedCosignerIds' | 'handlingUnitIds' | 'kind'> &
    Partial<Pick<DocumentTarget, 'signedCosignerIds' | 'handlingUnitIds' | 'kind'>>,
): DocumentTarget {
  return {
    type: 'document',
    groupId: record.groupId,
    status: record.status,
    isArchived: record.isArchived,
    createdBy: record.createdBy,
    authorIds: record.authorIds,
    signedCosignerIds: record.signedCosignerIds ?? [],
    handlingUnitIds: record.handlingUnitIds ?? [],
    kind: record.kind ?? null,
  };
}

/** Which kind of target each action applies to. */
export interface ActionTargets {
  manage_people: CommitteeTarget;
  manage_webhooks: CommitteeTarget;
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
  withdraw_document: DocumentTarget;
  return_document: DocumentTarget;
  approve_document: DocumentTarget;
  file_document: DocumentTarget;
  reject_filing: DocumentTarget;
  merge_document: DocumentTarget;
  read_discussion: DocumentTarget;
  manage_handling: DocumentTarget;
  handle_proposal: DocumentTarget;
  record_adoption: DocumentTarget;
  rate_answer: DocumentTarget;
  discuss_handling: DocumentTarget;
  manage_committee: CommitteeTarget;
  create_activity: GroupTarget;
  view_duty_records: GroupTarget;
  confirm_duty_form: GroupTarget;
  view_committee_duty: CommitteeTarget;
  manage_duty: CommitteeTarget;
  view_all_documents: CommitteeTarget;
  save_version: DocumentTarget;
  cosign: DocumentTarget;
  invite_cosigners: DocumentTarget;
}

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
  /** Only the document's creator (its proposer) and its authors may do it (P10, P15). */
  notAuthor: 'not_author',
} as const;
export type Denial = (typeof Denial)[keyof typeof Denial];

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly denial: Denial };

const ALLOW: Decision = { allowed: true };
function deny(denial: Denial): Decision {
  return { allowed: false, denial };
}

function isInGroup(actor: Actor, groupId: GroupId | null): boolean {
  return groupId !== null && actor.groupIds.includes(groupId);
}

function secretariatOnly(actor: Actor): Decision {
  return actor.role === Role.secretariat ? ALLOW : deny(Denial.role);
}

/** The committee-wide list of documents: for those who read every group's documents (P19). */
function viewAllDocuments(actor: Actor): Decision {
  return actor.role === Role.secretariat || actor.role === Role.chair ? ALLOW : deny(Denial.role);
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

/** The secretariat, chairs and a convener of the group organise the group's activities (V1). */
function createActivity(actor: Actor, target: GroupTarget): Decision {
  if (actor.role === Role.secretariat || actor.role === Role.chair) {
    return ALLOW;
  }
  if (actor.role !== Role.convener) {
    return deny(Denial.role);
  }
  return isInGroup(actor, target.groupId) ? ALLOW : deny(Denial.notInGroup);
}

/** A group's duty records: its conveners, the secretariat and chairs; members see their own only, units nothing (P21). */
function viewDutyRecords(actor: Actor, target: GroupTarget): Decision {
  if (actor.role === Role.secretariat || actor.role === Role.chair) {
    return ALLOW;
  }
  if (actor.role !== Role.convener) {
    return deny(Denial.role);
  }
  return isInGroup(actor, target.groupId) ? ALLOW : deny(Denial.notInGroup);
}

/** A group member's form is confirmed first by a convener of the group (P21). */
function confirmDutyForm(actor: Actor, target: GroupTarget): Decision {
  if (actor.role !== Role.convener) {
    return deny(Denial.role);
  }
  return isInGroup(actor, target.groupId) ? ALLOW : deny(Denial.notInGroup);
}

function createDocument(actor: Actor, target: GroupTarget): Decision {
  return isInGroup(actor, target.groupId) ? ALLOW : deny(Denial.notInGroup);
}

/** Whether the actor answers for one of the units the proposal is handed to (P16). */
function isHandlingUnit(actor: Actor, target: DocumentTarget): boolean {
  return actor.role === Role.unit && actor.unitId != null && target.handlingUnitIds.includes(actor.unitId);
}

function readDocument(actor: Actor, target: DocumentTarget): Decision {
  if (actor.role === Role.unit) {
    // A unit reads only what is handed to it, and only once filed (P16).
    return isHandlingUnit(actor, target) && target.status === DocStatus.filed ? ALLOW : deny(Denial.notInGroup);
  }
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

/** Comments, versions and the review timeline: whoever reads the document, except a unit (P9, P16). */
function readDiscussion(actor: Actor, target: DocumentTarget): Decision {
  return actor.role === Role.unit ? deny(Denial.role) : readDocument(actor, target);
}

function comment(actor: Actor, target: DocumentTarget): Decision {
  const read = readDiscussion(actor, target);
  if (!read.allowed) {
    return read;
  }
  return target.isArchived ? deny(Denial.archived) : ALLOW;
}

/** A live document in one of `statuses`; otherwise why not. */
function inStatus(target: DocumentTarget, statuses: readonly DocStatus[]): Decision {
  if (target.isArchived) {
    return deny(Denial.archived);
  }
  return statuses.includes(target.status) ? ALLOW : deny(Denial.status);
}

/** The document's creator (its proposer) or one of its recorded authors. */
function isAuthorOf(actor: Actor, target: DocumentTarget): boolean {
  return target.createdBy === actor.id || target.authorIds.includes(actor.id);
}

/**
 * Submitting and withdrawing a submission: for the group's members who answer for the text, its
 * creator and its authors, from the statuses the workflow leaves from (P10, P15). Whether a
 * reviewer acted on the submission already is the server's to know (WORKFLOW's `needsUnreviewed`).
 */
function authorTransition(transition: 'submit' | 'withdraw'): (actor: Actor, target: DocumentTarget) => Decision {
  return (actor, target) => {
    if (!isInGroup(actor, target.groupId)) {
      return deny(Denial.notInGroup);
    }
    // The status first: `not_author` then means the document could be moved, by someone else.
    const status = inStatus(target, WORKFLOW[transition].from);
    if (!status.allowed) {
      return status;
    }
    return isAuthorOf(actor, target) ? ALLOW : deny(Denial.notAuthor);
  };
}

/** Returning and approving: for reviewers, from the statuses the workflow leaves from (P11). */
function reviewDocument(transition: 'return' | 'approve'): (actor: Actor, target: DocumentTarget) => Decision {
  return (actor, target) => {
    const isReviewer = actor.role === Role.chair || (actor.role === Role.convener && isInGroup(actor, target.groupId));
    if (!isReviewer) {
      return actor.role === Role.convener ? deny(Denial.notInGroup) : deny(Denial.role);
    }
    return inStatus(target, WORKFLOW[transition].from);
  };
}

/** Filing, not filing and merging: the office's decisions on an approved proposal (P12). */
function officeDecision(transition: 'file' | 'reject' | 'merge'): (actor: Actor, target: DocumentTarget) => Decision {
  return (actor, target) =>
    actor.role === Role.secretariat ? inStatus(target, WORKFLOW[transition].from) : deny(Denial.role);
}

/** The office's work on a filed proposal: hand-over, reassigning, 重点, reminders (P17). */
function manageHandling(actor: Actor, target: DocumentTarget): Decision {
  return actor.role === Role.secretariat ? inStatus(target, [DocStatus.filed]) : deny(Denial.role);
}

/** A unit's work on a proposal handed to it (P16). */
function handleProposal(actor: Actor, target: DocumentTarget): Decision {
  if (actor.role !== Role.unit) {
    return deny(Denial.role);
  }
  return isHandlingUnit(actor, target) ? inStatus(target, [DocStatus.filed]) : deny(Denial.notInGroup);
}

/** The secretariat records the use made of an approved or filed report, and uploads its evidence (P20). */
function recordAdoption(actor: Actor, target: DocumentTarget): Decision {
  if (actor.role !== Role.secretariat) {
    return deny(Denial.role);
  }
  if (target.isArchived) {
    return deny(Denial.archived);
  }
  return target.kind !== null && isAdoptable(target.kind, target.status) ? ALLOW : deny(Denial.status);
}

/** The first proposer and the co-signers who signed (P18). */
function isProposerOf(actor: Actor, target: DocumentTarget): boolean {
  return target.createdBy === actor.id || target.signedCosignerIds.includes(actor.id);
}

function rateAnswer(actor: Actor, target: DocumentTarget): Decision {
  return isProposerOf(actor, target) ? inStatus(target, [DocStatus.filed]) : deny(Denial.notAuthor);
}

/** The thread of a filed proposal: its units, its proposers and the office (P18). */
function discussHandling(actor: Actor, target: DocumentTarget): Decision {
  const isParty = actor.role === Role.secretariat || isHandlingUnit(actor, target) || isProposerOf(actor, target);
  return isParty ? inStatus(target, [DocStatus.filed]) : deny(Denial.role);
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
  manage_webhooks: secretariatOnly,
  create_group: secretariatOnly,
  view_group: viewGroup,
  rename_group: manageGroup,
  manage_members: manageGroup,
  create_document: createDocument,
  read_document: readDocument,
  edit_content: editContent,
  archive_document: archiveDocument,
  comment,
  submit_document: authorTransition('submit'),
  withdraw_document: authorTransition('withdraw'),
  return_document: reviewDocument('return'),
  approve_document: reviewDocument('approve'),
  file_document: officeDecision('file'),
  reject_filing: officeDecision('reject'),
  merge_document: officeDecision('merge'),
  read_discussion: readDiscussion,
  manage_handling: manageHandling,
  handle_proposal: handleProposal,
  record_adoption: recordAdoption,
  rate_answer: rateAnswer,
  discuss_handling: discussHandling,
  manage_committee: secretariatOnly,
  create_activity: createActivity,
  view_duty_records: viewDutyRecords,
  confirm_duty_form: confirmDutyForm,
  view_committee_duty: viewAllDocuments,
  manage_duty: secretariatOnly,
  view_all_documents: viewAllDocuments,
  save_version: comment,
  cosign,
  invite_cosigners: inviteCosigners,
};

/** Decides whether `actor` may do `action` on `target`, and if not, why (P1-P15). */
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
