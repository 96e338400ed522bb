import {
  type Answer,
  type AnswerClass,
  activeAssignments,
  answeringAssignments,
  CaseOutcome,
  defaultDeadline,
  type HandlingCase,
  isOverdue,
  lateUnitIds,
  type Satisfaction,
} from './handling';
import type { GroupId, SessionId, UnitId, UserId } from './ids';
import { DocStatus } from './roles';

/**
 * The figures of the proposals committee's annual report (统计, docs/RULES.md F1-F8): counted from
 * the proposals' records, their cases and the units, for one session or for all. Pure: the
 * server answers them (`GET /api/figures`) and the benchmark times them.
 */

/** What the figures read of a document's record (a `DocRecord` fits). */
export interface FiguresRecord {
  readonly id: string;
  readonly kind: string;
  readonly groupId: GroupId | null;
  readonly status: DocStatus;
  readonly isArchived: boolean;
  /** The first proposer: whose rating counts (F7). */
  readonly createdBy: UserId | null;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** A unit, a group or a category: an id and the name the report shows. */
export interface NamedItem<Id extends string = string> {
  readonly id: Id;
  readonly name: string;
}

export interface FiguresInput {
  readonly records: readonly FiguresRecord[];
  readonly cases: readonly HandlingCase[];
  readonly units: readonly NamedItem<UnitId>[];
  readonly groups: readonly NamedItem<GroupId>[];
  readonly categories: readonly NamedItem[];
  /** The session counted; null for every session. */
  readonly sessionId: SessionId | null;
  /** The session new proposals are filed in: those awaiting a decision count there (F1). */
  readonly currentSessionId: SessionId | null;
  readonly now: number;
}

/** One row of a breakdown by category or by group; `id` null: none given (no category, no group). */
export interface FiguresBreakdown {
  readonly id: string | null;
  /** Null when the id is no longer listed (a deleted category or group) or absent. */
  readonly name: string | null;
  readonly received: number;
  readonly filed: number;
  readonly notFiled: number;
  readonly merged: number;
  readonly pending: number;
}

/** One unit's row: the cases handed to it, those it answered (round 1) and those it is late with. */
export interface FiguresUnitRow {
  readonly unitId: UnitId;
  readonly name: string;
  readonly handed: number;
  readonly answered: number;
  readonly overdue: number;
}

export interface Figures {
  readonly sessionId: SessionId | null;
  readonly computedAt: number;
  /** F1: decided in the session, plus those awaiting the decision (in review or approved). */
  readonly received: number;
  readonly pending: number;
  readonly filed: number;
  readonly notFiled: number;
  readonly merged: number;
  readonly key: number;
  readonly byCategory: readonly FiguresBreakdown[];
  readonly byGroup: readonly FiguresBreakdown[];
  /** F3: filed proposals handed to at least one unit. */
  readonly handedOver: number;
  /** F3: how many units (not declined) each handed proposal went to: `{ units: 2, cases: 14 }`. */
  readonly unitsPerCase: readonly { readonly units: number; readonly cases: number }[];
  /** F4: every answering unit answered round 1. */
  readonly answered: number;
  /** F4: and every such answer came by the round-1 deadline. */
  readonly answeredOnTime: number;
  /** 办复率: answered / handed over; null with nothing handed over. */
  readonly answerRate: number | null;
  /** 按时办复率: answered on time / handed over. */
  readonly onTimeRate: number | null;
  /** F5: the classes of the answering units' latest letters. */
  readonly answerClasses: Readonly<Record<AnswerClass, number>>;
  /** F6: the first proposers' latest ratings of the result. */
  readonly ratings: Readonly<Record<Satisfaction, number>>;
  readonly rated: number;
  /** 满意率: (satisfied + basically satisfied) / rated; null with no rating. */
  readonly satisfactionRate: number | null;
  /** F8: filed proposals whose answers are late now (isOverdue). */
  readonly overdue: number;
  /** F8: every unit handed something in the session, the latest first by overdue, then handed. */
  readonly byUnit: readonly FiguresUnitRow[];
}

const PENDING_STATUSES: readonly DocStatus[] = [DocStatus.inReview, DocStatus.approved];
const PROPOSAL_KIND = 'proposal';

type Outcome = CaseOutcome | 'pending';

interface Counted {
  readonly record: FiguresRecord;
  readonly outcome: Outcome;
}

/** F1: the proposals counted, each with its outcome; pending ones only for the current session or all. */
function countedProposals(input: FiguresInput): Counted[] {
  const casesById = new Map(input.cases.map((stored) => [stored.docId as string, stored]));
  const countsPending = input.sessionId === null || input.sessionId === input.currentSessionId;
  const counted: Counted[] = [];
  for (const record of input.records) {
    if (record.kind !== PROPOSAL_KIND) {
      continue;
    }
    const stored = casesById.get(record.id);
    if (stored !== undefined) {
      if (input.sessionId === null || stored.sessionId === input.sessionId) {
        counted.push({ record, outcome: stored.outcome });
      }
    } else if (countsPending && !record.isArchived && PENDING_STATUSES.includes(record.status)) {
      counted.push({ record, outcome: 'pending' });
    }
  }
  return counted;
}

function emptyRow(id: string | null, name: string | null) {
  return { id, name, received: 0, filed: 0, notFiled: 0, merged: 0, pending: 0 };
}

/** F2: a breakdown by `keyOf`, in the order of `named`, then ids no longer listed, then "none". */
function breakdown(
  counted: readonly Counted[],
  named: readonly NamedItem[],
  keyOf: (record: FiguresRecord) => string | null,
): FiguresBreakdown[] {
  const rows = new Map<string | null, ReturnType<typeof emptyRow>>();
  for (const item of named) {
    rows.set(item.id, emptyRow(item.id, item.name));
  }
  for (const { record, outcome } of counted) {
    const key = keyOf(record);
    const row = rows.get(key) ?? emptyRow(key, null);
    rows.set(key, row);
    row.received += 1;
    if (outcome === CaseOutcome.filed) {
      row.filed += 1;
    } else if (outcome === CaseOutcome.notFiled) {
      row.notFiled += 1;
    } else if (outcome === CaseOutcome.merged) {
      row.merged += 1;
    } else {
      row.pending += 1;
    }
  }
  const all = [...rows.values()].filter((row) => row.received > 0);
  return [...all.filter((row) => row.id !== null), ...all.filter((row) => row.id === null)];
}

function categoryOf(record: FiguresRecord): string | null {
  const value = record.fields.category;
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * F4: the round-1 deadline. A 不满意 rating replaces the case's deadline with the second round's,
 * and the first is not stored: for a case past round 1 the default (three months from the hand-over) stands in.
 */
function firstDeadline(stored: HandlingCase): number | null {
  if (stored.round === 1) {
    return stored.deadline;
  }
  const handed = stored.log.find((entry) => entry.type === 'handed_over')?.at;
  return handed === undefined ? stored.deadline : defaultDeadline(handed);
}

function firstAnswer(answers: readonly Answer[]): Answer | null {
  return answers.find((letter) => letter.round === 1) ?? null;
}

function latestOf<T extends { readonly round: number }>(items: readonly T[]): T | null {
  let latest: T | null = null;
  for (const item of items) {
    if (latest === null || item.round >= latest.round) {
      latest = item;
    }
  }
  return latest;
}

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

interface HandlingTally {
  handedOver: number;
  answered: number;
  answeredOnTime: number;
  overdue: number;
  readonly unitsPerCase: Map<number, number>;
  readonly answerClasses: Record<AnswerClass, number>;
  readonly ratings: Record<Satisfaction, number>;
  readonly units: Map<UnitId, { handed: number; answered: number; overdue: number }>;
}

function unitTally(tally: HandlingTally, unitId: UnitId) {
  const row = tally.units.get(unitId) ?? { handed: 0, answered: 0, overdue: 0 };
  tally.units.set(unitId, row);
  return row;
}

/** F3-F8 for one filed case. */
function tallyCase(tally: HandlingTally, stored: HandlingCase, firstProposer: UserId | null, now: number): void {
  const active = activeAssignments(stored);
  if (stored.assignments.length === 0) {
    return;
  }
  tally.handedOver += 1;
  tally.unitsPerCase.set(active.length, (tally.unitsPerCase.get(active.length) ?? 0) + 1);
  const answering = answeringAssignments(stored);
  const firsts = answering.map((assignment) => firstAnswer(assignment.answers));
  if (answering.length > 0 && firsts.every((letter) => letter !== null)) {
    tally.answered += 1;
    const deadline = firstDeadline(stored);
    if (deadline === null || firsts.every((letter) => letter !== null && letter.at <= deadline)) {
      tally.answeredOnTime += 1;
    }
  }
  for (const assignment of answering) {
    const latest = latestOf(assignment.answers);
    if (latest !== null) {
      tally.answerClasses[latest.answerClass] += 1;
    }
  }
  for (const assignment of active) {
    const row = unitTally(tally, assignment.unitId);
    row.handed += 1;
    if (firstAnswer(assignment.answers) !== null) {
      row.answered += 1;
    }
  }
  if (isOverdue(stored, now)) {
    tally.overdue += 1;
    for (const unitId of lateUnitIds(stored)) {
      unitTally(tally, unitId).overdue += 1;
    }
  }
  const rating = latestOf(stored.ratings.filter((each) => each.userId === firstProposer));
  if (rating !== null) {
    tally.ratings[rating.result] += 1;
  }
}

/** The figures of `input.sessionId` (or of every session) as the report shows them (F1-F8). */
export function computeFigures(input: FiguresInput): Figures {
  const counted = countedProposals(input);
  const outcomes = { filed: 0, not_filed: 0, merged: 0, pending: 0 } satisfies Record<Outcome, number>;
  for (const { outcome } of counted) {
    outcomes[outcome] += 1;
  }
  const recordsById = new Map(counted.map(({ record }) => [record.id, record]));
  const tally: HandlingTally = {
    handedOver: 0,
    answered: 0,
    answeredOnTime: 0,
    overdue: 0,
    unitsPerCase: new Map(),
    answerClasses: { A: 0, B: 0, C: 0 },
    ratings: { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 },
    units: new Map(),
  };
  let key = 0;
  for (const stored of input.cases) {
    const record = recordsById.get(stored.docId);
    if (record === undefined || stored.outcome !== CaseOutcome.filed) {
      continue;
    }
    key += stored.isKey ? 1 : 0;
    tallyCase(tally, stored, record.createdBy, input.now);
  }
  const unitNames = new Map(input.units.map((unit) => [unit.id, unit.name]));
  const rated = tally.ratings.satisfied + tally.ratings.basically_satisfied + tally.ratings.unsatisfied;
  return {
    sessionId: input.sessionId,
    computedAt: input.now,
    received: counted.length,
    pending: outcomes.pending,
    filed: outcomes.filed,
    notFiled: outcomes.not_filed,
    merged: outcomes.merged,
    key,
    byCategory: breakdown(counted, input.categories, categoryOf),
    byGroup: breakdown(counted, input.groups, (record) => record.groupId),
    handedOver: tally.handedOver,
    unitsPerCase: [...tally.unitsPerCase.entries()]
      .sort(([a], [b]) => a - b)
      .map(([units, cases]) => ({ units, cases })),
    answered: tally.answered,
    answeredOnTime: tally.answeredOnTime,
    answerRate: rate(tally.answered, tally.handedOver),
    onTimeRate: rate(tally.answeredOnTime, tally.handedOver),
    answerClasses: tally.answerClasses,
    ratings: tally.ratings,
    rated,
    satisfactionRate: rate(tally.ratings.satisfied + tally.ratings.basically_satisfied, rated),
    overdue: tally.overdue,
    byUnit: [...tally.units.entries()]
      .map(([unitId, row]) => ({ unitId, name: unitNames.get(unitId) ?? unitId, ...row }))
      .sort((a, b) => b.overdue - a.overdue || b.handed - a.handed || a.name.localeCompare(b.name, 'zh-CN')),
  };
}
