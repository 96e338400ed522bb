import { describe, expect, it } from 'vitest';
import { computeFigures, type FiguresInput, type FiguresRecord } from './figures';
import { type CaseChange, type CaseOutcome, type HandlingCase, newCase } from './handling';
import { answer, handOver, rate, respond } from './handlingSteps';
import type { DocId, GroupId, SessionId, UnitId, UserId } from './ids';
import type { DocStatus } from './roles';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 2, 1);
const OFFICE = 'f0000000-0000-4000-8000-000000000001' as UserId;
const ZHANG = 'f0000000-0000-4000-8000-000000000002' as UserId;
const LI = 'f0000000-0000-4000-8000-000000000003' as UserId;
const S1 = 'a1000000-0000-4000-8000-000000000001' as SessionId;
const S2 = 'a1000000-0000-4000-8000-000000000002' as SessionId;
const ECON = 'a2000000-0000-4000-8000-000000000001' as GroupId;
const FARM = 'a2000000-0000-4000-8000-000000000002' as GroupId;
const WATER = 'a3000000-0000-4000-8000-000000000001' as UnitId;
const ROADS = 'a3000000-0000-4000-8000-000000000002' as UnitId;
const HEALTH = 'a3000000-0000-4000-8000-000000000003' as UnitId;

function docId(n: number): DocId {
  return `d0000000-0000-4000-8000-${String(n).padStart(12, '0')}` as DocId;
}

function record(n: number, status: DocStatus, extra: Partial<FiguresRecord> = {}): FiguresRecord {
  return {
    id: docId(n),
    kind: 'proposal',
    groupId: ECON,
    status,
    isArchived: false,
    createdBy: ZHANG,
    fields: { category: 'economy' },
    ...extra,
  };
}

function ok(change: CaseChange): HandlingCase {
  if (!change.ok) {
    throw new Error(`refused: ${change.refusal}`);
  }
  return change.next;
}

function decided(n: number, outcome: CaseOutcome, sessionId = S1, isKey = false): HandlingCase {
  return newCase({
    docId: docId(n),
    sessionId,
    outcome,
    number: outcome === 'not_filed' ? null : n,
    isKey,
    decidedBy: OFFICE,
    decidedAt: T0,
    reason: null,
    conversion: null,
    mergedInto: null,
  });
}

function handed(n: number, mode: 'lead' | 'separate', unitIds: UnitId[], deadline = T0 + 90 * DAY): HandlingCase {
  const ids = unitIds.map((_, index) => `${n}-${index}`);
  return ok(handOver(decided(n, 'filed'), { mode, unitIds, deadline, ids }, OFFICE, T0));
}

const actor = { id: OFFICE, firstProposer: ZHANG };

function answered(current: HandlingCase, unitId: UnitId, answerClass: 'A' | 'B' | 'C', at: number): HandlingCase {
  return ok(answer(current, unitId, { answerClass, text: '答复' }, actor, at));
}

function rated(current: HandlingCase, userId: UserId, result: 'satisfied' | 'basically_satisfied' | 'unsatisfied') {
  return ok(rate(current, { userId, handling: 'satisfied', result, comment: '', at: T0 + 100 * DAY }, ZHANG));
}

function input(records: FiguresRecord[], cases: HandlingCase[], extra: Partial<FiguresInput> = {}): FiguresInput {
  return {
    records,
    cases,
    units: [
      { id: WATER, name: '市水务局' },
      { id: ROADS, name: '市交通运输局' },
      { id: HEALTH, name: '市卫生健康委' },
    ],
    groups: [
      { id: ECON, name: '经济界' },
      { id: FARM, name: '农业界' },
    ],
    categories: [
      { id: 'economy', name: '经济建设' },
      { id: 'society', name: '社会事业' },
    ],
    sessionId: S1,
    currentSessionId: S1,
    now: T0 + 120 * DAY,
    ...extra,
  };
}

describe('computeFigures (docs/RULES.md F1-F8)', () => {
  it('F1: counts decided proposals of the session and those awaiting a decision, never drafts or other kinds', () => {
    const records = [
      record(1, 'filed'),
      record(2, 'not_filed'),
      record(3, 'merged'),
      record(4, 'approved'),
      record(5, 'in_review'),
      record(6, 'draft'),
      record(7, 'returned'),
      record(8, 'approved', { isArchived: true }),
      record(9, 'filed', { kind: 'social_info' }),
      record(10, 'filed'),
    ];
    const cases = [
      decided(1, 'filed', S1, true),
      decided(2, 'not_filed'),
      decided(3, 'merged'),
      decided(9, 'filed'),
      decided(10, 'filed', S2),
    ];
    const figures = computeFigures(input(records, cases));
    expect(figures).toMatchObject({ received: 5, filed: 1, notFiled: 1, merged: 1, pending: 2, key: 1 });
    // An earlier session counts only its decided proposals; all sessions count everything.
    expect(computeFigures(input(records, cases, { sessionId: S2 }))).toMatchObject({ received: 1, pending: 0 });
    expect(computeFigures(input(records, cases, { sessionId: null }))).toMatchObject({ received: 6, filed: 2 });
  });

  it('F2: breaks the counted proposals down by category and by group, listed order first, then unknown and none', () => {
    const records = [
      record(1, 'filed', { fields: { category: 'society' } }),
      record(2, 'not_filed', { groupId: FARM }),
      record(3, 'approved', { fields: {} }),
      record(4, 'filed', { fields: { category: 'gone' }, groupId: null }),
    ];
    const cases = [decided(1, 'filed'), decided(2, 'not_filed'), decided(4, 'filed')];
    const figures = computeFigures(input(records, cases));
    expect(figures.byCategory).toEqual([
      { id: 'economy', name: '经济建设', received: 1, filed: 0, notFiled: 1, merged: 0, pending: 0 },
      { id: 'society', name: '社会事业', received: 1, filed: 1, notFiled: 0, merged: 0, pending: 0 },
      { id: 'gone', name: null, received: 1, filed: 1, notFiled: 0, merged: 0, pending: 0 },
      { id: null, name: null, received: 1, filed: 0, notFiled: 0, merged: 0, pending: 1 },
    ]);
    expect(figures.byGroup.map((row) => [row.name, row.received])).toEqual([
      ['经济界', 2],
      ['农业界', 1],
      [null, 1],
    ]);
  });

  it('F3: counts the proposals handed over and how many units each went to, declined units left out', () => {
    const one = handed(1, 'lead', [WATER]);
    const two = handed(2, 'lead', [WATER, ROADS]);
    const declined = ok(
      respond(
        handed(3, 'separate', [WATER, ROADS, HEALTH]),
        HEALTH,
        { accept: false, reason: '非本单位职责' },
        OFFICE,
        T0 + DAY,
      ),
    );
    const figures = computeFigures(
      input(
        [record(1, 'filed'), record(2, 'filed'), record(3, 'filed'), record(4, 'filed')],
        [one, two, declined, decided(4, 'filed')],
      ),
    );
    expect(figures.handedOver).toBe(3);
    expect(figures.unitsPerCase).toEqual([
      { units: 1, cases: 1 },
      { units: 2, cases: 2 },
    ]);
  });

  it('F4: answered needs every answering unit’s round-1 letter; on time needs each by the deadline', () => {
    const onTime = answered(handed(1, 'lead', [WATER, ROADS]), WATER, 'A', T0 + 10 * DAY);
    const late = answered(handed(2, 'lead', [WATER]), WATER, 'B', T0 + 100 * DAY);
    const halfSeparate = answered(handed(3, 'separate', [WATER, ROADS]), WATER, 'A', T0 + 5 * DAY);
    const figures = computeFigures(
      input(
        [1, 2, 3].map((n) => record(n, 'filed')),
        [onTime, late, halfSeparate],
      ),
    );
    expect(figures).toMatchObject({ handedOver: 3, answered: 2, answeredOnTime: 1 });
    expect(figures.answerRate).toBeCloseTo(2 / 3);
    expect(figures.onTimeRate).toBeCloseTo(1 / 3);
  });

  it('F4: after 不满意 the round-1 answer is judged by the default deadline from the hand-over', () => {
    const first = answered(handed(1, 'lead', [WATER]), WATER, 'C', T0 + 20 * DAY);
    const again = rated(first, ZHANG, 'unsatisfied');
    expect(again.round).toBe(2);
    const figures = computeFigures(input([record(1, 'filed')], [again]));
    expect(figures).toMatchObject({ answered: 1, answeredOnTime: 1 });
  });

  it('F5: counts the class of each answering unit’s latest letter, never a co-unit', () => {
    const lead = answered(handed(1, 'lead', [WATER, ROADS]), WATER, 'A', T0 + DAY);
    const separate = answered(
      answered(handed(2, 'separate', [WATER, ROADS]), WATER, 'B', T0 + DAY),
      ROADS,
      'C',
      T0 + DAY,
    );
    const redone = answered(
      rated(answered(handed(3, 'lead', [HEALTH]), HEALTH, 'C', T0 + DAY), ZHANG, 'unsatisfied'),
      HEALTH,
      'A',
      T0 + 110 * DAY,
    );
    const figures = computeFigures(
      input(
        [1, 2, 3].map((n) => record(n, 'filed')),
        [lead, separate, redone],
      ),
    );
    expect(figures.answerClasses).toEqual({ A: 2, B: 1, C: 1 });
  });

  it('F6-F7: 满意率 is the first proposers’ latest ratings of the result, satisfied or basically, over those rated', () => {
    const base = (n: number) => answered(handed(n, 'lead', [WATER]), WATER, 'A', T0 + DAY);
    const satisfied = rated(base(1), ZHANG, 'satisfied');
    const basically = rated(base(2), ZHANG, 'basically_satisfied');
    const unsatisfiedThenSatisfied = rated(
      answered(rated(base(3), ZHANG, 'unsatisfied'), WATER, 'A', T0 + 101 * DAY),
      ZHANG,
      'satisfied',
    );
    const cosignerOnly = rated(base(4), LI, 'unsatisfied');
    const stillUnsatisfied = rated(base(5), ZHANG, 'unsatisfied');
    const figures = computeFigures(
      input(
        [1, 2, 3, 4, 5].map((n) => record(n, 'filed')),
        [satisfied, basically, unsatisfiedThenSatisfied, cosignerOnly, stillUnsatisfied],
      ),
    );
    expect(figures.ratings).toEqual({ satisfied: 2, basically_satisfied: 1, unsatisfied: 1 });
    expect(figures.rated).toBe(4);
    expect(figures.satisfactionRate).toBeCloseTo(3 / 4);
  });

  it('F8: lists each unit with what it was handed, answered and is late with, the latest first', () => {
    const late = handed(1, 'separate', [WATER, ROADS]);
    const halfLate = answered(handed(2, 'separate', [WATER, ROADS]), ROADS, 'A', T0 + DAY);
    const notYetDue = handed(3, 'lead', [HEALTH], T0 + 200 * DAY);
    const figures = computeFigures(
      input(
        [1, 2, 3].map((n) => record(n, 'filed')),
        [late, halfLate, notYetDue],
      ),
    );
    expect(figures.overdue).toBe(2);
    expect(figures.byUnit).toEqual([
      { unitId: WATER, name: '市水务局', handed: 2, answered: 0, overdue: 2 },
      { unitId: ROADS, name: '市交通运输局', handed: 2, answered: 1, overdue: 1 },
      { unitId: HEALTH, name: '市卫生健康委', handed: 1, answered: 0, overdue: 0 },
    ]);
  });

  it('answers null rates, not NaN, when nothing was handed over or rated', () => {
    const figures = computeFigures(input([], []));
    expect(figures).toMatchObject({ received: 0, answerRate: null, onTimeRate: null, satisfactionRate: null });
    expect(figures.byCategory).toEqual([]);
  });
});
