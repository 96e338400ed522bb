import { RelayReasonCode } from '../protocol/relayReasons';
import { Action } from './actions';
import type { DocEventType, NotificationType, VersionCause } from './reviewRecords';
import { DOC_STATUSES, DocStatus } from './roles';

/** The workflow's transitions as the API names them, in the order the UI offers them. */
export const TRANSITIONS = ['submit', 'withdraw', 'return', 'approve', 'file', 'reject', 'merge'] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** Everything one transition is. Every other description of the workflow is derived from WORKFLOW. */
export interface TransitionRule {
  /** The action `can()` rules on (P10-P12, P15). */
  readonly action: Action;
  /** The statuses it leaves from; `can()` refuses it from any other (P10-P12). */
  readonly from: readonly DocStatus[];
  /** The status it reaches. */
  readonly to: DocStatus;
  /** The event appended to the document's timeline. */
  readonly event: DocEventType;
  /** Why the version saved with it is saved; null: none is saved. */
  readonly versionCause: VersionCause | null;
  /** What the people it concerns are told. */
  readonly notification: NotificationType;
  /**
   * Whom it concerns: the document's reviewers (P11), or its proposers (its creator, its authors
   * and its signed co-signers).
   */
  readonly notifies: 'reviewers' | 'proposers';
  /**
   * What those who may take the next step from the status it reaches are told (the secretariat,
   * who files an approved document: P12); null when nobody is.
   */
  readonly nextStepNotification: NotificationType | null;
  /** Whether co-signers whose signed version no longer shows the current content are told to sign again. */
  readonly remindsOutdatedSigners: boolean;
  /** Why the relay drops the content's edits while the transition is recorded. */
  readonly holdReason: RelayReasonCode;
  /** Whether the status it reaches makes the content read-only for the group's members (P7). */
  readonly freezesContent: boolean;
  /** Whether it must carry a reason; a reason sent with any other transition is ignored. */
  readonly needsReason: boolean;
  /** Whether it is a review: the version saved becomes the actor's last reviewed one. */
  readonly isReview: boolean;
  /**
   * Whether it is refused (409) once a reviewer acted on the submission it leaves: a return, an
   * approval or a version marked reviewed recorded after the last submit (P15).
   */
  readonly needsUnreviewed: boolean;
  /** Whether it is an office decision that opens the proposal's handling case (立案, 不予立案, 并案). */
  readonly opensCase: boolean;
}

/** The workflow of DESIGN.md (Workflow of a proposal), one row per transition. */
export const WORKFLOW = {
  submit: {
    action: Action.submitDocument,
    from: [DocStatus.draft, DocStatus.returned],
    to: DocStatus.inReview,
    event: 'submitted',
    versionCause: 'submit',
    notification: 'review_requested',
    notifies: 'reviewers',
    nextStepNotification: null,
    remindsOutdatedSigners: true,
    holdReason: RelayReasonCode.submitting,
    freezesContent: true,
    needsReason: false,
    isReview: false,
    needsUnreviewed: false,
    opensCase: false,
  },
  withdraw: {
    action: Action.withdrawDocument,
    from: [DocStatus.inReview],
    to: DocStatus.draft,
    event: 'withdrawn',
    versionCause: null,
    notification: 'withdrawn',
    // The reviewers the submit asked (P11): they need not open it any more.
    notifies: 'reviewers',
    nextStepNotification: null,
    remindsOutdatedSigners: false,
    holdReason: RelayReasonCode.withdrawing,
    freezesContent: false,
    needsReason: false,
    isReview: false,
    needsUnreviewed: true,
    opensCase: false,
  },
  return: {
    action: Action.returnDocument,
    from: [DocStatus.inReview],
    to: DocStatus.returned,
    event: 'returned',
    versionCause: 'return',
    notification: 'returned',
    notifies: 'proposers',
    nextStepNotification: null,
    remindsOutdatedSigners: false,
    holdReason: RelayReasonCode.returning,
    freezesContent: false,
    needsReason: true,
    isReview: true,
    needsUnreviewed: false,
    opensCase: false,
  },
  approve: {
    action: Action.approveDocument,
    from: [DocStatus.inReview],
    to: DocStatus.approved,
    event: 'approved',
    versionCause: 'approve',
    notification: 'approved',
    notifies: 'proposers',
    nextStepNotification: 'approved_awaiting_filing',
    remindsOutdatedSigners: false,
    holdReason: RelayReasonCode.approving,
    freezesContent: true,
    needsReason: false,
    isReview: true,
    needsUnreviewed: false,
    opensCase: false,
  },
  file: {
    action: Action.fileDocument,
    from: [DocStatus.approved],
    to: DocStatus.filed,
    event: 'filed',
    versionCause: null,
    notification: 'filed',
    notifies: 'proposers',
    nextStepNotification: null,
    remindsOutdatedSigners: false,
    holdReason: RelayReasonCode.filing,
    freezesContent: true,
    needsReason: false,
    isReview: false,
    needsUnreviewed: false,
    opensCase: true,
  },
  /** 不予立案: the office does not file it, says why, and records what it becomes instead (P12). */
  reject: {
    action: Action.rejectFiling,
    from: [DocStatus.approved],
    to: DocStatus.notFiled,
    event: 'not_filed',
    versionCause: null,
    notification: 'not_filed',
    notifies: 'proposers',
    nextStepNotification: null,
    remindsOutdatedSigners: false,
    holdReason: RelayReasonCode.filing,
    freezesContent: true,
    needsReason: true,
    isReview: false,
    needsUnreviewed: false,
    opensCase: true,
  },
  /** 并案: filed under the number of a filed proposal on the same matter (P12). */
  merge: {
    action: Action.mergeDocument,
    from: [DocStatus.approved],
    to: DocStatus.merged,
    event: 'merged',
    versionCause: null,
    notification: 'merged',
    notifies: 'proposers',
    nextStepNotification: null,
    remindsOutdatedSigners: false,
    holdReason: RelayReasonCode.filing,
    freezesContent: true,
    needsReason: false,
    isReview: false,
    needsUnreviewed: false,
    opensCase: true,
  },
} as const satisfies { readonly [T in Transition]: TransitionRule };

/** The actions that move a document along its workflow. */
export type WorkflowAction = (typeof WORKFLOW)[Transition]['action'];

/** The action `can()` rules on for each transition (P10-P12, P15). */
export const TRANSITION_ACTIONS: { readonly [T in Transition]: (typeof WORKFLOW)[T]['action'] } = {
  submit: WORKFLOW.submit.action,
  withdraw: WORKFLOW.withdraw.action,
  return: WORKFLOW.return.action,
  approve: WORKFLOW.approve.action,
  file: WORKFLOW.file.action,
  reject: WORKFLOW.reject.action,
  merge: WORKFLOW.merge.action,
};

export const WORKFLOW_ACTIONS: readonly WorkflowAction[] = TRANSITIONS.map((transition) => WORKFLOW[transition].action);

/** Where each workflow action takes a document; `can()` decides from where and by whom (P10-P12, P15). */
export const STATUS_AFTER = Object.fromEntries(
  TRANSITIONS.map((transition) => [WORKFLOW[transition].action, WORKFLOW[transition].to]),
) as { readonly [A in WorkflowAction]: DocStatus };

/**
 * The events that record a reviewer acting on a submission: a version marked reviewed (P13) and
 * the reviewing transitions. One appended after the last submit makes the submission reviewed,
 * so that it is no longer withdrawn (P15). The timeline is append-only and ordered, so this needs
 * no clock; `doc_reviews` keeps only each reviewer's last review, not when it happened relative
 * to the submit.
 */
export const REVIEW_EVENTS: readonly DocEventType[] = [
  'reviewed',
  ...TRANSITIONS.filter((transition) => WORKFLOW[transition].isReview).map((transition) => WORKFLOW[transition].event),
];

/** Whether a transition makes the content read-only for members: typing after it would be refused. */
export function freezesContent(transition: Transition): boolean {
  return WORKFLOW[transition].freezesContent;
}

/** Statuses in which the group's members may change the content (P7): those no freezing transition reaches. */
export const EDITABLE_STATUSES: readonly DocStatus[] = DOC_STATUSES.filter(
  (status) =>
    !TRANSITIONS.some((transition) => WORKFLOW[transition].freezesContent && WORKFLOW[transition].to === status),
);
