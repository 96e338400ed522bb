import { randomUUID } from 'node:crypto';
import { DEFAULT_CATEGORIES } from '../../shared/domain/categories';
import type { FiguresRecord, NamedItem } from '../../shared/domain/figures';
import {
  type AnswerClass,
  answeringAssignments,
  type CaseChange,
  CaseOutcome,
  type HandlingCase,
  newCase,
  type Satisfaction,
} from '../../shared/domain/handling';
import { answer, handOver, rate } from '../../shared/domain/handlingSteps';
import type { DocId, GroupId, SessionId, UnitId, UserId } from '../../shared/domain/ids';
import { DocStatus } from '../../shared/domain/roles';

/** Load shape of the figures scenario. */
export interface FiguresWorkloadOptions {
  readonly proposals: number;
  readonly units: number;
  readonly sessions: number;
  readonly groups: number;
}

/** One proposal of the workload: its record, and the office's decision and handling when decided. */
export interface WorkloadProposal {
  readonly record: FiguresRecord & { readonly id: DocId; readonly title: string; readonly createdAt: number };
  /** The decision as first stored (newCase); null for one in review or approved. */
  readonly decided: HandlingCase | null;
  /** What happens to a filed one after the decision: hand-over, answers, ratings; applied to the stored case. */
  readonly handle: ((stored: HandlingCase) => HandlingCase) | null;
}

export interface FiguresWorkload {
  readonly sessions: readonly { readonly id: SessionId; readonly name: string; readonly isCurrent: boolean }[];
  readonly units: readonly NamedItem<UnitId>[];
  readonly groups: readonly NamedItem<GroupId>[];
  readonly proposals: readonly WorkloadProposal[];
  /** When the figures are asked: after every deadline of the first sessions, within the last one's. */
  readonly now: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const OFFICE = randomUUID() as UserId;
/** The sessions are a year apart, the last one starting 100 days before `now`. */
const SESSION_SPACING_MS = 365 * DAY_MS;

function ok(change: CaseChange): HandlingCase {
  if (!change.ok) {
    throw new Error(`the workload's handling step was refused: ${change.refusal}`);
  }
  return change.next;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) {
    throw new Error('pick from an empty list');
  }
  return item;
}

/** Distinct units, 1 to 3 of them (60% one, 30% two, 10% three). */
function someUnits(random: () => number, units: readonly NamedItem<UnitId>[]): UnitId[] {
  const roll = random();
  const count = roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
  const chosen = new Set<UnitId>();
  while (chosen.size < count) {
    chosen.add(pick(random, units).id);
  }
  return [...chosen];
}

const CLASSES: readonly AnswerClass[] = ['A', 'A', 'A', 'B', 'B', 'C'];
const RESULTS: readonly Satisfaction[] = ['satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'];

/**
 * A filed proposal's handling as the year went: handed over a month after filing with three
 * months to answer; 90% answered (80% of those on time), 80% of the answered rated by the first
 * proposer, and an 不满意 answered again once. What is left unanswered is overdue by `now`.
 */
function handling(
  random: () => number,
  units: readonly NamedItem<UnitId>[],
  proposer: UserId,
  times: { readonly handedAt: number; readonly now: number },
) {
  const { handedAt, now } = times;
  const unitIds = someUnits(random, units);
  const mode = unitIds.length > 1 && random() < 0.5 ? 'separate' : 'lead';
  const deadline = handedAt + 90 * DAY_MS;
  const answeredAt = deadline + (random() < 0.8 ? -30 : 20) * DAY_MS;
  // Nothing is answered or rated after `now`: in the current session some are still being handled.
  const isAnswered = random() < 0.9 && answeredAt <= now;
  const isRated = random() < 0.8 && answeredAt + 11 * DAY_MS <= now;
  const result = pick(random, RESULTS);
  const answerClass = pick(random, CLASSES);
  return (stored: HandlingCase): HandlingCase => {
    const ids = unitIds.map(() => randomUUID());
    let current = ok(handOver(stored, { mode, unitIds, deadline, ids }, OFFICE, handedAt));
    if (!isAnswered) {
      return current;
    }
    const actor = { id: OFFICE, firstProposer: proposer };
    for (const assignment of answeringAssignments(current)) {
      current = ok(answer(current, assignment.unitId, { answerClass, text: '答复' }, actor, answeredAt));
    }
    if (!isRated) {
      return current;
    }
    const at = answeredAt + 10 * DAY_MS;
    current = ok(rate(current, { userId: proposer, handling: 'satisfied', result, comment: '', at }, proposer));
    if (result === 'unsatisfied') {
      for (const assignment of answeringAssignments(current)) {
        current = ok(answer(current, assignment.unitId, { answerClass: 'B', text: '再次答复' }, actor, at + DAY_MS));
      }
    }
    return current;
  };
}

/**
 * Proposals spread evenly over the sessions, each in a random group and category: 88% filed, 7%
 * not filed and 5% merged into a filed one of its session; in the current session 5% are still
 * in review or approved.
 */
export function figuresWorkload(options: FiguresWorkloadOptions, random: () => number): FiguresWorkload {
  const now = Date.UTC(2027, 5, 1);
  const sessions = Array.from({ length: options.sessions }, (_, index) => ({
    id: randomUUID() as SessionId,
    name: `第十五届第${index + 1}次会议`,
    isCurrent: index === options.sessions - 1,
    startsAt: now - 100 * DAY_MS - (options.sessions - 1 - index) * SESSION_SPACING_MS,
  }));
  const units = Array.from({ length: options.units }, (_, index) => ({
    id: randomUUID() as UnitId,
    name: `承办单位${String(index + 1).padStart(2, '0')}`,
  }));
  const groups = Array.from({ length: options.groups }, (_, index) => ({
    id: randomUUID() as GroupId,
    name: `第${index + 1}界别小组`,
  }));
  const proposers = Array.from({ length: 300 }, () => randomUUID() as UserId);
  const filedBySession = new Map<SessionId, DocId[]>();
  const proposals: WorkloadProposal[] = [];
  for (let index = 0; index < options.proposals; index += 1) {
    const session = sessions[index % sessions.length] ?? sessions[0];
    if (session === undefined) {
      throw new Error('the workload needs a session');
    }
    const id = randomUUID() as DocId;
    const createdBy = pick(random, proposers);
    const roll = random();
    const filed = filedBySession.get(session.id) ?? [];
    const outcome =
      session.isCurrent && roll < 0.05
        ? null
        : roll < 0.88 || filed.length === 0
          ? CaseOutcome.filed
          : roll < 0.95
            ? CaseOutcome.notFiled
            : CaseOutcome.merged;
    const status =
      outcome === null ? (random() < 0.5 ? DocStatus.inReview : DocStatus.approved) : (outcome as DocStatus);
    const record = {
      id,
      title: `关于第${index + 1}项工作的建议`,
      kind: 'proposal',
      groupId: pick(random, groups).id,
      status,
      isArchived: false,
      createdBy,
      createdAt: session.startsAt,
      fields: { category: pick(random, DEFAULT_CATEGORIES).id },
    };
    if (outcome === null) {
      proposals.push({ record, decided: null, handle: null });
      continue;
    }
    const decided = newCase({
      docId: id,
      sessionId: session.id,
      outcome,
      number: outcome === CaseOutcome.notFiled ? null : filed.length + 1,
      isKey: outcome === CaseOutcome.filed && random() < 0.05,
      decidedBy: OFFICE,
      decidedAt: session.startsAt + 10 * DAY_MS,
      reason: outcome === CaseOutcome.notFiled ? '不属于提案范围' : null,
      conversion: outcome === CaseOutcome.notFiled ? 'opinion' : null,
      mergedInto: outcome === CaseOutcome.merged ? pick(random, filed) : null,
    });
    if (outcome === CaseOutcome.filed) {
      filed.push(id);
      filedBySession.set(session.id, filed);
    }
    const handedAt = session.startsAt + 30 * DAY_MS;
    const handle = outcome === CaseOutcome.filed ? handling(random, units, createdBy, { handedAt, now }) : null;
    proposals.push({ record, decided, handle });
  }
  return { sessions, units, groups, proposals, now };
}
