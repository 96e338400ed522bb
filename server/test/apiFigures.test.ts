import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { figuresSchema } from '../../shared/api/figures';
import { committeeSessionSchema } from '../../shared/api/handling';
import { transitionResultSchema } from '../../shared/api/review';
import { apiErrorSchema } from '../../shared/api/schemas';
import { type DocId, Role } from '../../shared/index';
import { type ApiAnswer, expectOk } from './support/apiRequest';
import { handlingRequests } from './support/handlingWorkspace';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'zhang' | 'li' | 'convener' | 'chair' | 'water' | 'roads' | 'health';

const PLAN = {
  groups: ['经济界'] as const,
  units: ['市水务局', '市交通运输局', '市卫生健康委'],
  people: {
    zhang: { role: Role.member, groups: ['经济界'] as const, name: '张委员' },
    li: { role: Role.member, groups: ['经济界'] as const, name: '李委员' },
    convener: { role: Role.convener, groups: ['经济界'] as const, name: '召集人' },
    chair: { role: Role.chair, name: '主席' },
    water: { role: Role.unit, unit: '市水务局', name: '水务局联络员' },
    roads: { role: Role.unit, unit: '市交通运输局', name: '交通局联络员' },
    health: { role: Role.unit, unit: '市卫生健康委', name: '卫健委联络员' },
  },
};

const ctx = setupSeededServer<'经济界', Person>(PLAN);

const { call, step, approvedProposal } = handlingRequests<Person>(ctx);

async function decide(id: DocId, action: 'file' | 'reject' | 'merge', extra: Record<string, unknown> = {}) {
  const body = { action, fromStatus: 'approved', requestId: randomUUID(), ...extra };
  expectOk(await call('secretariat', 'POST', `/api/docs/${id}/transitions`, body), transitionResultSchema);
}

async function refused(answer: Promise<ApiAnswer>, status: number) {
  const response = await answer;
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return apiErrorSchema.parse(response.body);
}

describe('GET /api/figures (F1-F8, P19)', () => {
  it('counts a small session: received, filed, answered on time, A/B/C, satisfaction and the late units', async () => {
    const session = expectOk(
      await call('secretariat', 'POST', '/api/sessions', { name: '十五届四次会议', isCurrent: true }),
      committeeSessionSchema,
    );
    const { units } = ctx.workspace;
    const [answered, late, rejected, joining] = [
      await approvedProposal(),
      await approvedProposal(),
      await approvedProposal(),
      await approvedProposal(),
    ];
    // A fifth, approved and awaiting the office's decision: received, pending.
    await approvedProposal();
    await decide(answered, 'file', { filing: { isKey: true } });
    await decide(late, 'file', { filing: {} });
    await decide(rejected, 'reject', { reason: '属于信访事项', filing: { conversion: 'letter' } });
    await decide(joining, 'merge', { filing: { into: answered } });

    await step('secretariat', answered, 'handover', {
      mode: 'lead',
      unitIds: [units.市水务局?.id, units.市交通运输局?.id],
    });
    await step('water', answered, 'answer', { answerClass: 'A', text: '已完成排水管网改造。' });
    await step('zhang', answered, 'rating', { handling: 'satisfied', result: 'satisfied' });
    // Due long ago: the health commission answers late, the water bureau not at all.
    await step('secretariat', late, 'handover', {
      mode: 'separate',
      unitIds: [units.市水务局?.id, units.市卫生健康委?.id],
      deadline: 1_000,
    });
    await step('health', late, 'answer', { answerClass: 'C', text: '受财力所限，暂不具备条件。' });

    const figures = expectOk(await call('secretariat', 'GET', `/api/figures?sessionId=${session.id}`), figuresSchema);
    expect(figures).toMatchObject({
      sessionId: session.id,
      received: 5,
      filed: 2,
      notFiled: 1,
      merged: 1,
      pending: 1,
      key: 1,
      handedOver: 2,
      unitsPerCase: [{ units: 2, cases: 2 }],
      answered: 1,
      answeredOnTime: 1,
      answerRate: 0.5,
      onTimeRate: 0.5,
      answerClasses: { A: 1, B: 0, C: 1 },
      ratings: { satisfied: 1, basically_satisfied: 0, unsatisfied: 0 },
      rated: 1,
      satisfactionRate: 1,
      overdue: 1,
    });
    expect(figures.byGroup.map((row) => [row.name, row.received, row.filed])).toEqual([['经济界', 5, 2]]);
    expect(figures.byUnit.map((row) => [row.name, row.handed, row.answered, row.overdue])).toEqual([
      ['市水务局', 2, 1, 1],
      ['市交通运输局', 1, 0, 0],
      ['市卫生健康委', 1, 1, 0],
    ]);

    // Chairs see them too, and all sessions together hold at least this one.
    const all = expectOk(await call('chair', 'GET', '/api/figures'), figuresSchema);
    expect(all.sessionId).toBeNull();
    expect(all.received).toBeGreaterThanOrEqual(5);
  });

  it('refuses a member and a unit with 403, an unknown session with 404 and a malformed one with 400', async () => {
    expect(await refused(call('zhang', 'GET', '/api/figures'), 403)).toMatchObject({ denial: 'role' });
    await refused(call('water', 'GET', '/api/figures'), 403);
    await refused(call('convener', 'GET', '/api/figures'), 403);
    await refused(call('secretariat', 'GET', `/api/figures?sessionId=${randomUUID()}`), 404);
    expect(await refused(call('secretariat', 'GET', '/api/figures?sessionId=nope'), 400)).toMatchObject({
      field: 'sessionId',
    });
  });
});
