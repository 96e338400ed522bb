import type { DocId, SessionId, UnitId, UserId } from './ids';

/**
 * What becomes of a proposal after the office's decision (DESIGN.md, "After 立案"): the handing
 * over to the departments that answer it (交办), their answers, the proposer's rating and a
 * second round on 不满意. Pure rules on one case, run by the server (docs/RULES.md H1-H9); the
 * client reads the same functions to offer only what the server would accept.
 */

/** How a filed proposal is handed over: one lead unit with co-units, or several answering separately. */
export const HandoverMode = { lead: 'lead', separate: 'separate' } as const;
export type HandoverMode = (typeof HandoverMode)[keyof typeof HandoverMode];
export const HANDOVER_MODES: readonly HandoverMode[] = [HandoverMode.lead, HandoverMode.separate];

/** A unit's part: 主办 (lead), 会办 (co-unit, sends its opinion to the lead) or 分办 (answers on its own). */
export const UnitPart = { lead: 'lead', co: 'co', separate: 'separate' } as const;
export type UnitPart = (typeof UnitPart)[keyof typeof UnitPart];

/** Where a unit's assignment stands. */
export const AssignmentState = {
  /** Handed over; the unit has not said yet whether the matter is theirs. */
  pending: 'pending',
  accepted: 'accepted',
  /** The unit said the matter is not theirs; the office reassigns. */
  declined: 'declined',
} as const;
export type AssignmentState = (typeof AssignmentState)[keyof typeof AssignmentState];

/** The reply letter's class: A solved or largely solved, B being solved or planned, C not now (with the reason). */
export const ANSWER_CLASSES = ['A', 'B', 'C'] as const;
export type AnswerClass = (typeof ANSWER_CLASSES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** What a proposal not filed is turned into. */
export const CONVERSIONS = ['opinion', 'social_info', 'letter', 'none'] as const;
export type Conversion = (typeof CONVERSIONS)[number];

/** Days a unit has to say the matter is not theirs. */
export const DECLINE_WINDOW_DAYS = 5;
/** A session's default time to answer, in months after the hand-over. */
export const DEFAULT_ANSWER_MONTHS = 3;
/** Days a unit has to answer again after 不满意. */
export const REHANDLE_DAYS = 30;
export const MAX_HANDLING_TEXT = 10_000;
export const MAX_MESSAGE_TEXT = 2_000;
export const MAX_UNITS_PER_HANDOVER = 8;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface UnitReply {
  readonly text: string;
  readonly at: number;
  readonly by: UserId;
  /** The round it answers (1, then 2 after 不满意, ...). */
  readonly round: number;
}

export interface Answer extends UnitReply {
  readonly answerClass: AnswerClass;
  /** The uploaded reply letter (a `reply_letter` attachment of the unit on this document); absent when none. */
  readonly attachmentId?: string | null;
}

export interface Assignment {
  readonly id: string;
  readonly unitId: UnitId;
  readonly part: UnitPart;
  readonly state: AssignmentState;
  readonly assignedAt: number;
  readonly declineReason: string | null;
  readonly respondedAt: number | null;
  /** A co-unit's opinion to the lead unit, one per round, oldest first. */
  readonly opinions: readonly UnitReply[];
  /** The unit's reply letters, one per round, oldest first. */
  readonly answers: readonly Answer[];
}

export interface Rating {
  readonly userId: UserId;
  readonly round: number;
  /** On the handling work (contact, attitude). */
  readonly handling: Satisfaction;
  /** On the result. */
  readonly result: Satisfaction;
  readonly comment: string;
  readonly at: number;
}

export interface CaseMessage {
  readonly id: string;
  readonly authorId: UserId;
  /** The unit the author wrote for; null for a proposer or the office. */
  readonly unitId: UnitId | null;
  readonly text: string;
  readonly at: number;
}

/** One entry of the case's log: every decision, hand-over, answer and rating, in order. */
export interface CaseLogEntry {
  readonly type:
    | 'handed_over'
    | 'accepted'
    | 'declined'
    | 'reassigned'
    | 'opinion'
    | 'answered'
    | 'rated'
    | 'rehandling'
    | 'marked_key'
    | 'unmarked_key'
    | 'merged_in'
    | 'reminded';
  readonly at: number;
  readonly actorId: UserId;
  readonly unitId: UnitId | null;
  readonly note: string | null;
}

/** The office's decision on an approved proposal, with its number when filed. */
export const CaseOutcome = { filed: 'filed', notFiled: 'not_filed', merged: 'merged' } as const;
export type CaseOutcome = (typeof CaseOutcome)[keyof typeof CaseOutcome];

export interface HandlingCase {
  readonly docId: DocId;
  readonly sessionId: SessionId;
  readonly outcome: CaseOutcome;
  /** 第N号 within the session: set when filed, and shared by the proposals merged into it. */
  readonly number: number | null;
  readonly isKey: boolean;
  readonly decidedBy: UserId;
  readonly decidedAt: number;
  /** Why it was not filed. */
  readonly reason: string | null;
  readonly conversion: Conversion | null;
  /** The filed proposal it was merged into. */
  readonly mergedInto: DocId | null;
  /** The proposals merged into this one: their proposers are credited with it. */
  readonly mergedDocIds: readonly DocId[];
  readonly mode: HandoverMode | null;
  /** When the answers are due; null until handed over. */
  readonly deadline: number | null;
  readonly round: number;
  readonly assignments: readonly Assignment[];
  readonly ratings: readonly Rating[];
  readonly messages: readonly CaseMessage[];
  readonly log: readonly CaseLogEntry[];
  /** Bumped by every change: a change made on an older copy is refused and done again. */
  readonly version: number;
}

/** Where a case stands, derived from it. */
export const CaseStage = {
  /** Not filed or merged into another: nothing more to handle. */
  other: 'other',
  awaitingHandover: 'awaiting_handover',
  /** A unit declined: the office reassigns. */
  needsReassign: 'needs_reassign',
  handling: 'handling',
  /** Answered: waiting for the first proposer's rating. */
  answered: 'answered',
  closed: 'closed',
} as const;
export type CaseStage = (typeof CaseStage)[keyof typeof CaseStage];

/** Why a change to a case is refused. */
export const HandlingRefusal = {
  notFiled: 'not_filed',
  alreadyHanded: 'already_handed',
  notHanded: 'not_handed',
  badUnits: 'bad_units',
  notYourUnit: 'not_your_unit',
  notPending: 'not_pending',
  windowClosed: 'window_closed',
  notDeclined: 'not_declined',
  notAnswering: 'not_answering',
  notCoUnit: 'not_co_unit',
  notAnswered: 'not_answered',
  closed: 'closed',
  /** An answer with neither a text nor an uploaded reply letter. */
  emptyAnswer: 'empty_answer',
} as const;
export type HandlingRefusal = (typeof HandlingRefusal)[keyof typeof HandlingRefusal];

export type CaseChange =
  | { readonly ok: true; readonly next: HandlingCase }
  | { readonly ok: false; readonly refusal: HandlingRefusal };

/** The assignments still in force (not declined). */
export function activeAssignments(current: HandlingCase): readonly Assignment[] {
  return current.assignments.filter((assignment) => assignment.state !== AssignmentState.declined);
}

/** The units that may read the proposal: those handed it and not declined (P16). */
export function handlingUnitIds(current: HandlingCase): readonly UnitId[] {
  return activeAssignments(current).map((assignment) => assignment.unitId);
}

/** The assignments whose answer closes a round: the lead's, or every separate unit's. */
export function answeringAssignments(current: HandlingCase): readonly Assignment[] {
  return activeAssignments(current).filter((assignment) => assignment.part !== UnitPart.co);
}

/** An assignment's answer of a round, if given. */
export function answerOf(assignment: Assignment, round: number): Answer | null {
  return assignment.answers.find((answer) => answer.round === round) ?? null;
}

/** The first proposer's rating of the current round; null before it. */
export function decidingRating(current: HandlingCase, firstProposer: UserId): Rating | null {
  return current.ratings.find((rating) => rating.round === current.round && rating.userId === firstProposer) ?? null;
}

export function caseStage(current: HandlingCase, firstProposer: UserId): CaseStage {
  if (current.outcome !== CaseOutcome.filed) {
    return CaseStage.other;
  }
  if (current.assignments.length === 0) {
    return CaseStage.awaitingHandover;
  }
  if (current.assignments.some((assignment) => assignment.state === AssignmentState.declined)) {
    return CaseStage.needsReassign;
  }
  const answering = answeringAssignments(current);
  if (answering.length === 0 || answering.some((assignment) => answerOf(assignment, current.round) === null)) {
    return CaseStage.handling;
  }
  return decidingRating(current, firstProposer) === null ? CaseStage.answered : CaseStage.closed;
}

/** Whether the answers are late: past the deadline with an answer of this round missing. */
export function isOverdue(current: HandlingCase, now: number): boolean {
  if (current.outcome !== CaseOutcome.filed || current.deadline === null || now <= current.deadline) {
    return false;
  }
  return answeringAssignments(current).some((assignment) => answerOf(assignment, current.round) === null);
}

/** Whether the unit may still say the matter is not theirs. */
export function canStillDecline(assignment: Assignment, now: number): boolean {
  return assignment.state === AssignmentState.pending && now <= assignment.assignedAt + DECLINE_WINDOW_DAYS * DAY_MS;
}

/** The default deadline: three months after the hand-over, in the committee's calendar months. */
export function defaultDeadline(handedAt: number): number {
  const date = new Date(handedAt);
  date.setUTCMonth(date.getUTCMonth() + DEFAULT_ANSWER_MONTHS);
  return date.getTime();
}

/** The units that owe this round's answer: those the office's reminder is for. */
export function lateUnitIds(current: HandlingCase): readonly UnitId[] {
  return answeringAssignments(current)
    .filter((candidate) => answerOf(candidate, current.round) === null)
    .map((candidate) => candidate.unitId);
}

/** The current round's answer of an assignment, if given. */
export function currentAnswer(current: HandlingCase, assignmentId: string): Answer | null {
  const found = current.assignments.find((candidate) => candidate.id === assignmentId);
  return found === undefined ? null : answerOf(found, current.round);
}

/** A case as first stored by the office's decision. */
export function newCase(decision: {
  readonly docId: DocId;
  readonly sessionId: SessionId;
  readonly outcome: CaseOutcome;
  readonly number: number | null;
  readonly isKey: boolean;
  readonly decidedBy: UserId;
  readonly decidedAt: number;
  readonly reason: string | null;
  readonly conversion: Conversion | null;
  readonly mergedInto: DocId | null;
}): HandlingCase {
  return {
    ...decision,
    mergedDocIds: [],
    mode: null,
    deadline: null,
    round: 1,
    assignments: [],
    ratings: [],
    messages: [],
    log: [],
    version: 1,
  };
}

/** "第0012号": the office's form of a filed number. */
export function formatCaseNumber(number: number): string {
  return `第${String(number).padStart(4, '0')}号`;
}
