import {
  type Answer,
  type AnswerClass,
  type Assignment,
  AssignmentState,
  activeAssignments,
  type CaseChange,
  type CaseLogEntry,
  type CaseMessage,
  CaseOutcome,
  CaseStage,
  canStillDecline,
  caseStage,
  type HandlingCase,
  HandlingRefusal,
  HandoverMode,
  isOverdue,
  MAX_UNITS_PER_HANDOVER,
  type Rating,
  REHANDLE_DAYS,
  UnitPart,
  type UnitReply,
} from './handling';
import type { UnitId, UserId } from './ids';

/**
 * The changes to a case (docs/RULES.md H1-H9), each a pure function of the stored case: a new
 * case with its version bumped and its log extended, or why it is refused.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

function refuse(refusal: HandlingRefusal): CaseChange {
  return { ok: false, refusal };
}

function changed(current: HandlingCase, patch: Partial<HandlingCase>, entry: CaseLogEntry): CaseChange {
  return { ok: true, next: { ...current, ...patch, log: [...current.log, entry], version: current.version + 1 } };
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
