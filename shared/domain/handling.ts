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

function refuse(refusal: HandlingRefusal): CaseChange {
  return { ok: false, refusal };
}

function changed(current: HandlingCase, patch: Partial<HandlingCase>, entry: CaseLogEntry): CaseChange {
  return { ok: true, next: { ...current, ...patch, log: [...current.log, entry], version: current.version + 1 } };
}

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

function answerOf(assignment: Assignment, round: number): Answer | null {
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

export interface HandoverPlan {
  readonly mode: HandoverMode;
  /** Lead mode: the lead first, then the co-units; separate mode: every unit. */
  readonly unitIds: readonly UnitId[];
  readonly deadline: number;
  readonly ids: readonly string[];
}

function assignment(id: string, unitId: UnitId, part: UnitPart, at: number): Assignment {
  return {
    id,
    unitId,
    part,
    state: AssignmentState.pending,
    assignedAt: at,
    declineReason: null,
    respondedAt: null,
    opinions: [],
    answers: [],
  };
}

/** 交办: hands a filed proposal over to its units (H1). */
export function handOver(current: HandlingCase, plan: HandoverPlan, actorId: UserId, at: number): CaseChange {
  if (current.outcome !== CaseOutcome.filed) {
    return refuse(HandlingRefusal.notFiled);
  }
  if (current.assignments.length > 0) {
    return refuse(HandlingRefusal.alreadyHanded);
  }
  const unique = new Set(plan.unitIds);
  if (
    plan.unitIds.length === 0 ||
    unique.size !== plan.unitIds.length ||
    plan.unitIds.length > MAX_UNITS_PER_HANDOVER
  ) {
    return refuse(HandlingRefusal.badUnits);
  }
  const assignments = plan.unitIds.map((unitId, index) => {
    const part = plan.mode === HandoverMode.separate ? UnitPart.separate : index === 0 ? UnitPart.lead : UnitPart.co;
    return assignment(plan.ids[index] ?? `${current.docId}-${index}`, unitId, part, at);
  });
  return changed(
    current,
    { mode: plan.mode, deadline: plan.deadline, assignments },
    { type: 'handed_over', at, actorId, unitId: null, note: null },
  );
}

function assignmentOfUnit(current: HandlingCase, unitId: UnitId): Assignment | null {
  return activeAssignments(current).find((candidate) => candidate.unitId === unitId) ?? null;
}

function replaceAssignment(current: HandlingCase, next: Assignment): readonly Assignment[] {
  return current.assignments.map((candidate) => (candidate.id === next.id ? next : candidate));
}

/** A unit accepts the matter, or says within the window that it is not theirs (H2). */
export function respond(
  current: HandlingCase,
  unitId: UnitId,
  answer: { readonly accept: true } | { readonly accept: false; readonly reason: string },
  actorId: UserId,
  at: number,
): CaseChange {
  const own = assignmentOfUnit(current, unitId);
  if (own === null) {
    return refuse(HandlingRefusal.notYourUnit);
  }
  if (own.state !== AssignmentState.pending) {
    return refuse(HandlingRefusal.notPending);
  }
  if (!answer.accept && !canStillDecline(own, at)) {
    return refuse(HandlingRefusal.windowClosed);
  }
  const next: Assignment = answer.accept
    ? { ...own, state: AssignmentState.accepted, respondedAt: at }
    : { ...own, state: AssignmentState.declined, respondedAt: at, declineReason: answer.reason };
  return changed(
    current,
    { assignments: replaceAssignment(current, next) },
    { type: answer.accept ? 'accepted' : 'declined', at, actorId, unitId, note: answer.accept ? null : answer.reason },
  );
}

/** The office gives a declined unit's part to another unit (H3). */
export function reassign(
  current: HandlingCase,
  assignmentId: string,
  unitId: UnitId,
  newId: string,
  actorId: UserId,
  at: number,
): CaseChange {
  const declined = current.assignments.find((candidate) => candidate.id === assignmentId);
  if (declined === undefined || declined.state !== AssignmentState.declined) {
    return refuse(HandlingRefusal.notDeclined);
  }
  if (assignmentOfUnit(current, unitId) !== null) {
    return refuse(HandlingRefusal.badUnits);
  }
  const replacement = assignment(newId, unitId, declined.part, at);
  return changed(
    current,
    { assignments: [...current.assignments.filter((candidate) => candidate.id !== assignmentId), replacement] },
    { type: 'reassigned', at, actorId, unitId, note: null },
  );
}

/** Answering accepts a pending assignment: the unit plainly took the matter on. */
function accepted(own: Assignment, at: number): Assignment {
  return own.state === AssignmentState.pending ? { ...own, state: AssignmentState.accepted, respondedAt: at } : own;
}

function openForReplies(current: HandlingCase, firstProposer: UserId): HandlingRefusal | null {
  if (current.outcome !== CaseOutcome.filed) {
    return HandlingRefusal.notFiled;
  }
  return caseStage(current, firstProposer) === CaseStage.closed ? HandlingRefusal.closed : null;
}

/** A co-unit's opinion, sent to the lead unit before it answers (H4). */
export function giveOpinion(
  current: HandlingCase,
  unitId: UnitId,
  text: string,
  actor: { readonly id: UserId; readonly firstProposer: UserId },
  at: number,
): CaseChange {
  const closed = openForReplies(current, actor.firstProposer);
  if (closed !== null) {
    return refuse(closed);
  }
  const own = assignmentOfUnit(current, unitId);
  if (own === null) {
    return refuse(HandlingRefusal.notYourUnit);
  }
  if (own.part !== UnitPart.co) {
    return refuse(HandlingRefusal.notCoUnit);
  }
  const opinion: UnitReply = { text, at, by: actor.id, round: current.round };
  const next = {
    ...accepted(own, at),
    opinions: [...own.opinions.filter((earlier) => earlier.round !== current.round), opinion],
  };
  return changed(
    current,
    { assignments: replaceAssignment(current, next) },
    { type: 'opinion', at, actorId: actor.id, unitId, note: null },
  );
}

/** The lead's or a separate unit's reply letter with its class, for the current round (H5). */
export function answer(
  current: HandlingCase,
  unitId: UnitId,
  reply: { readonly answerClass: AnswerClass; readonly text: string; readonly attachmentId?: string | null },
  actor: { readonly id: UserId; readonly firstProposer: UserId },
  at: number,
): CaseChange {
  const closed = openForReplies(current, actor.firstProposer);
  if (closed !== null) {
    return refuse(closed);
  }
  const own = assignmentOfUnit(current, unitId);
  if (own === null) {
    return refuse(HandlingRefusal.notYourUnit);
  }
  if (own.part === UnitPart.co) {
    return refuse(HandlingRefusal.notAnswering);
  }
  const attachmentId = reply.attachmentId ?? null;
  // The letter as text, or uploaded, or both (H5).
  if (reply.text.trim() === '' && attachmentId === null) {
    return refuse(HandlingRefusal.emptyAnswer);
  }
  const letter: Answer = {
    answerClass: reply.answerClass,
    text: reply.text.trim(),
    ...(attachmentId === null ? {} : { attachmentId }),
    at,
    by: actor.id,
    round: current.round,
  };
  const next = {
    ...accepted(own, at),
    answers: [...own.answers.filter((earlier) => earlier.round !== current.round), letter],
  };
  return changed(
    current,
    { assignments: replaceAssignment(current, next) },
    { type: 'answered', at, actorId: actor.id, unitId, note: reply.answerClass },
  );
}

/**
 * A proposer's rating of the answered round (H6). The first proposer's decides: 不满意 on the
 * result sends the case back to its answering units for another round (重新办理); co-signers'
 * ratings are kept beside it.
 */
export function rate(current: HandlingCase, rating: Omit<Rating, 'round'>, firstProposer: UserId): CaseChange {
  const stage = caseStage(current, firstProposer);
  if (stage === CaseStage.closed) {
    return refuse(HandlingRefusal.closed);
  }
  if (stage !== CaseStage.answered) {
    return refuse(HandlingRefusal.notAnswered);
  }
  const stored: Rating = { ...rating, round: current.round };
  const ratings = [
    ...current.ratings.filter((earlier) => !(earlier.round === current.round && earlier.userId === rating.userId)),
    stored,
  ];
  const ratedEntry: CaseLogEntry = {
    type: 'rated',
    at: rating.at,
    actorId: rating.userId,
    unitId: null,
    note: `${rating.handling}/${rating.result}`,
  };
  if (rating.userId !== firstProposer || rating.result !== 'unsatisfied') {
    return changed(current, { ratings }, ratedEntry);
  }
  const rehandling: CaseLogEntry = {
    type: 'rehandling',
    at: rating.at,
    actorId: rating.userId,
    unitId: null,
    note: rating.comment || null,
  };
  return {
    ok: true,
    next: {
      ...current,
      ratings,
      round: current.round + 1,
      deadline: rating.at + REHANDLE_DAYS * DAY_MS,
      log: [...current.log, ratedEntry, rehandling],
      version: current.version + 1,
    },
  };
}

/** 重点提案: the office marks or unmarks a filed proposal (H7). */
export function markKey(current: HandlingCase, isKey: boolean, actorId: UserId, at: number): CaseChange {
  if (current.outcome !== CaseOutcome.filed) {
    return refuse(HandlingRefusal.notFiled);
  }
  return changed(
    current,
    { isKey },
    { type: isKey ? 'marked_key' : 'unmarked_key', at, actorId, unitId: null, note: null },
  );
}

/** A message in the thread between the units and the proposers (H8). */
export function addMessage(current: HandlingCase, message: CaseMessage): CaseChange {
  if (current.outcome !== CaseOutcome.filed) {
    return refuse(HandlingRefusal.notFiled);
  }
  if (current.assignments.length === 0) {
    return refuse(HandlingRefusal.notHanded);
  }
  return { ok: true, next: { ...current, messages: [...current.messages, message], version: current.version + 1 } };
}

/** 催办: the office reminds the late units; recorded so that the log shows who was chased and when (H9). */
export function remind(current: HandlingCase, actorId: UserId, at: number): CaseChange {
  if (!isOverdue(current, at)) {
    return refuse(HandlingRefusal.notHanded);
  }
  return changed(current, {}, { type: 'reminded', at, actorId, unitId: null, note: null });
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
