import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseAnswerSchema, caseListSchema, committeeSessionSchema } from '../../shared/api/handling';
import { inboxSchema, transitionResultSchema } from '../../shared/api/review';
import { docRecordSchema } from '../../shared/api/schemas';
import { plainText, readDocx } from '../../shared/formal/test/readDocx';
import { CloseCode, type DocId, Role, RoomKind, roomNameOf } from '../../shared/index';
import { apiRequest, expectOk } from './support/apiRequest';
import { handlingRequests } from './support/handlingWorkspace';
import { ClientPool } from './support/reviewWorkspace';
import { SyncClient, waitUntil } from './support/SyncClient';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'zhang' | 'li' | 'convener' | 'chair' | 'office2' | 'water' | 'roads' | 'health';

/** zhang proposes and li co-signs; two secretariat accounts; three handling units, one account each. */
const PLAN = {
  groups: ['经济界'] as const,
  units: ['市水务局', '市交通运输局', '市卫生健康委'],
  people: {
    zhang: { role: Role.member, groups: ['经济界'] as const, name: '张委员' },
    li: { role: Role.member, groups: ['经济界'] as const, name: '李委员' },
    convener: { role: Role.convener, groups: ['经济界'] as const, name: '召集人' },
    chair: { role: Role.chair, name: '主席' },
    office2: { role: Role.secretariat, name: '秘书处二' },
    water: { role: Role.unit, unit: '市水务局', name: '水务局联络员' },
    roads: { role: Role.unit, unit: '市交通运输局', name: '交通局联络员' },
    health: { role: Role.unit, unit: '市卫生健康委', name: '卫健委联络员' },
  },
};

const pool = new ClientPool();
const ctx = setupSeededServer<'经济界', Person>(PLAN, { onBeforeDispose: () => pool.closeAll() });

const { call, step, refused, approvedProposal: approved } = handlingRequests<Person>(ctx);

let session: Promise<unknown> | null = null;
function ensureSession(): Promise<unknown> {
  session ??= call('secretariat', 'POST', '/api/sessions', { name: '十五届四次会议' }).then((answer) =>
    expectOk(answer, committeeSessionSchema),
  );
  return session;
}

/** A proposal approved in the current session. */
async function approvedProposal(): Promise<DocId> {
  await ensureSession();
  return approved();
}

function decide(as: Person | 'secretariat', id: DocId, action: string, extra: Record<string, unknown> = {}) {
  return call(as, 'POST', `/api/docs/${id}/transitions`, {
    action,
    fromStatus: 'approved',
    requestId: randomUUID(),
    ...extra,
  });
}

async function file(id: DocId, filing: Record<string, unknown> = {}): Promise<number> {
  expectOk(await decide('secretariat', id, 'file', { filing }), transitionResultSchema);
  const answer = expectOk(await call('secretariat', 'GET', `/api/docs/${id}/case`), caseAnswerSchema);
  return answer.case.number ?? -1;
}

async function notificationTypes(as: Person, id: DocId): Promise<string[]> {
  const inbox = expectOk(await call(as, 'GET', '/api/notifications'), inboxSchema);
  return inbox.notifications.filter((n) => n.docId === id).map((n) => n.type);
}

describe('the office decides on approved proposals (P12)', () => {
  it('files with numbers that have no gap and no repeat, even from two secretariats at once', async () => {
    const ids = await Promise.all([approvedProposal(), approvedProposal(), approvedProposal(), approvedProposal()]);
    const answers = await Promise.all(
      ids.map((id, index) => decide(index % 2 === 0 ? 'secretariat' : 'office2', id, 'file', { filing: {} })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const numbers = await Promise.all(
      ids.map(async (id) => expectOk(await call('chair', 'GET', `/api/docs/${id}/case`), caseAnswerSchema).case.number),
    );
    const sorted = [...numbers].sort((a, b) => (a ?? 0) - (b ?? 0));
    const first = sorted[0] ?? 0;
    expect(sorted).toEqual([first, first + 1, first + 2, first + 3]);
  });

  it('does not file with a reason and what it becomes, and merges into a filed proposal under its number', async () => {
    const [kept, rejected, joining] = [await approvedProposal(), await approvedProposal(), await approvedProposal()];
    const number = await file(kept, { isKey: true });
    expect(await refused(decide('secretariat', rejected, 'reject', {}), 400)).toMatch(/reason/);
    expectOk(
      await decide('secretariat', rejected, 'reject', { reason: '属于信访事项', filing: { conversion: 'letter' } }),
      transitionResultSchema,
    );
    expect(await refused(decide('secretariat', joining, 'merge', { filing: { into: rejected } }), 409)).toMatch(
      /not a filed/,
    );
    expectOk(await decide('secretariat', joining, 'merge', { filing: { into: kept } }), transitionResultSchema);

    const rejectedCase = expectOk(await call('zhang', 'GET', `/api/docs/${rejected}/case`), caseAnswerSchema);
    expect(rejectedCase.case).toMatchObject({
      outcome: 'not_filed',
      reason: '属于信访事项',
      conversion: 'letter',
      number: null,
    });
    expect(expectOk(await call('zhang', 'GET', `/api/docs/${joining}/case`), caseAnswerSchema).case).toMatchObject({
      outcome: 'merged',
      number,
      mergedInto: kept,
    });
    const keptCase = expectOk(await call('zhang', 'GET', `/api/docs/${kept}/case`), caseAnswerSchema);
    expect(keptCase.case).toMatchObject({ isKey: true, mergedDocIds: [joining] });
    expect(await notificationTypes('zhang', rejected)).toContain('not_filed');
  });

  it('refuses the decisions to anyone but the secretariat, and to a document not approved', async () => {
    const id = await approvedProposal();
    await refused(decide('chair', id, 'file'), 403);
    await refused(decide('zhang', id, 'reject', { reason: '不行' }), 403);
    await refused(decide('water', id, 'file'), 403);
    await file(id);
    expect((await decide('secretariat', id, 'file')).status).toBe(409);
  });
});

describe('hand-over, answers and ratings (P16-P18)', () => {
  it('walks one proposal from 交办 to a lead and a co-unit through 不满意 and 重新办理 to 满意', async () => {
    const id = await approvedProposal();
    await file(id);
    const { units } = ctx.workspace;
    const waterId = units.市水务局?.id;
    const roadsId = units.市交通运输局?.id;
    // Before the hand-over no unit reads it.
    await refused(call('water', 'GET', `/api/docs/${id}`), 403);

    const handed = await step('secretariat', id, 'handover', { mode: 'lead', unitIds: [waterId, roadsId] });
    expect(handed.stage).toBe('handling');
    expect(handed.case.assignments.map((a) => a.part)).toEqual(['lead', 'co']);
    expect(await notificationTypes('water', id)).toEqual(['handed_over']);
    expect(expectOk(await call('water', 'GET', `/api/docs/${id}`), docRecordSchema).status).toBe('filed');
    // A unit reads the text, never the discussion or the timeline, and never another proposal.
    await refused(call('water', 'GET', `/api/docs/${id}/activity`), 403);
    await refused(call('health', 'GET', `/api/docs/${id}`), 403);
    await refused(call('health', 'GET', `/api/docs/${id}/case`), 403);

    await step('roads', id, 'respond', { accept: true });
    expect(
      await refused(call('roads', 'POST', `/api/docs/${id}/case/answer`, { answerClass: 'A', text: '已办' }), 409),
    ).toMatch(/co-unit/);
    await step('roads', id, 'opinion', { text: '同意水务局牵头，配合排水管网改造。' });
    await step('water', id, 'messages', { text: '请问张委员方便下周座谈吗？' });
    await step('zhang', id, 'messages', { text: '可以，周二上午。' });
    await refused(
      call('li', 'POST', `/api/docs/${id}/case/rating`, { handling: 'satisfied', result: 'satisfied' }),
      409,
    );

    const answered = await step('water', id, 'answer', { answerClass: 'B', text: '已列入2027年排水改造计划。' });
    expect(answered.stage).toBe('answered');
    expect(await notificationTypes('zhang', id)).toContain('answered');

    const again = await step('zhang', id, 'rating', {
      handling: 'satisfied',
      result: 'unsatisfied',
      comment: '时间表不明确',
    });
    expect(again.case.round).toBe(2);
    expect(again.stage).toBe('handling');
    expect(await notificationTypes('water', id)).toContain('rehandling');

    await step('water', id, 'answer', { answerClass: 'B', text: '明确于2027年6月前完工。' });
    await step('li', id, 'rating', { handling: 'satisfied', result: 'basically_satisfied' });
    const closed = await step('zhang', id, 'rating', { handling: 'satisfied', result: 'satisfied' });
    expect(closed.stage).toBe('closed');
    expect(closed.case.ratings.map((r) => [r.round, r.result])).toEqual([
      [1, 'unsatisfied'],
      [2, 'basically_satisfied'],
      [2, 'satisfied'],
    ]);
    expect(closed.case.log.map((entry) => entry.type)).toEqual([
      'handed_over',
      'accepted',
      'opinion',
      'answered',
      'rated',
      'rehandling',
      'answered',
      'rated',
      'rated',
    ]);
    // The thread is the parties': a member of the group who is not a proposer sees none of it.
    expect(expectOk(await call('convener', 'GET', `/api/docs/${id}/case`), caseAnswerSchema).case.messages).toEqual([]);
    expect(expectOk(await call('water', 'GET', `/api/docs/${id}/case`), caseAnswerSchema).case.messages).toHaveLength(
      2,
    );
  });

  it('lets a unit decline within the window, and the office reassign it; the declined unit reads it no more', async () => {
    const id = await approvedProposal();
    await file(id);
    const { units } = ctx.workspace;
    const handed = await step('secretariat', id, 'handover', {
      mode: 'separate',
      unitIds: [units.市交通运输局?.id],
    });
    await step('roads', id, 'respond', { accept: false, reason: '不属本单位职责' });
    await refused(call('roads', 'GET', `/api/docs/${id}`), 403);
    await refused(call('roads', 'POST', `/api/docs/${id}/case/answer`, { answerClass: 'A', text: '已办' }), 403);
    expect(await notificationTypes('office2', id)).toContain('handling_declined');

    const assignmentId = handed.case.assignments[0]?.id;
    const reassigned = await step('secretariat', id, 'reassign', { assignmentId, unitId: units.市卫生健康委?.id });
    expect(reassigned.case.assignments.map((a) => [a.part, a.state])).toEqual([['separate', 'pending']]);
    await step('health', id, 'answer', { answerClass: 'C', text: '受财力所限，暂不具备条件。' });
    const list = expectOk(await call('health', 'GET', '/api/cases'), caseListSchema);
    expect(list.cases.map((each) => each.case.docId)).toEqual([id]);
  });

  it('reminds the units whose answer is late (催办), and refuses a reminder when nothing is late', async () => {
    const id = await approvedProposal();
    await file(id);
    const waterId = ctx.workspace.units.市水务局?.id;
    await step('secretariat', id, 'handover', { mode: 'lead', unitIds: [waterId], deadline: Date.now() + 60_000 });
    await refused(call('secretariat', 'POST', `/api/docs/${id}/case/remind`), 409);

    const late = await approvedProposal();
    await file(late);
    const handed = await step('secretariat', late, 'handover', { mode: 'lead', unitIds: [waterId], deadline: 1_000 });
    expect(handed.isOverdue).toBe(true);
    await step('secretariat', late, 'remind');
    expect(await notificationTypes('water', late)).toContain('handling_overdue');
    await refused(call('water', 'POST', `/api/docs/${late}/case/remind`), 403);
  });

  it('refuses malformed handling requests with what was wrong', async () => {
    const id = await approvedProposal();
    await file(id);
    expect(
      await refused(call('secretariat', 'POST', `/api/docs/${id}/case/handover`, { mode: 'lead', unitIds: [] }), 400),
    ).toMatch(/unitIds/);
    expect(
      await refused(call('secretariat', 'POST', `/api/docs/${id}/case/handover`, { mode: 'all', unitIds: ['x'] }), 400),
    ).toMatch(/mode|unitIds/);
    await refused(
      call('zhang', 'POST', `/api/docs/${id}/case/rating`, { handling: 'great', result: 'satisfied' }),
      400,
    );
  });
});

describe('the session’s compilation (提案汇编)', () => {
  it('answers every filed proposal of the session in one .docx, to chairs and the secretariat only', async () => {
    const id = await approvedProposal();
    await file(id);
    const sessions = expectOk(
      await call('chair', 'GET', '/api/sessions'),
      z.object({ sessions: z.array(committeeSessionSchema) }),
    );
    const current = sessions.sessions.find((session) => session.isCurrent);
    const path = `/api/sessions/${current?.id}/compilation`;
    const response = await fetch(`${ctx.server.url}${path}`, {
      headers: { authorization: `Bearer ${ctx.tokenOf('chair')}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('十五届四次会议提案汇编.docx'));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const text = plainText((await readDocx(bytes)).document);
    expect(text).toContain('十五届四次会议');
    expect(text).toContain('关于治理内涝的建议');
    await refused(call('zhang', 'GET', path), 403);
    await refused(call('water', 'GET', path), 403);
    await refused(call('chair', 'GET', `/api/sessions/${randomUUID()}/compilation`), 404);
  });
});

describe('a handling unit’s account (P16)', () => {
  it('is made only by an invitation naming its unit, and keeps its role and no group', async () => {
    const { people, units } = ctx.workspace;
    const patch = (id: string, json: unknown) =>
      apiRequest(ctx.server.url, 'PATCH', `/api/people/${id}`, { token: ctx.tokenOf('secretariat'), json });
    await refused(patch(people.li.id, { role: 'unit' }), 409);
    await refused(patch(people.water.id, { role: 'member' }), 409);
    await refused(patch(people.water.id, { groupIds: [ctx.workspace.groups.经济界.id] }), 409);
    const invite = (json: unknown) =>
      apiRequest(ctx.server.url, 'POST', '/api/invitations', { token: ctx.tokenOf('secretariat'), json });
    expect(await refused(invite({ role: 'unit', groupIds: [] }), 400)).toMatch(/unitId/);
    expect(await refused(invite({ role: 'member', groupIds: [], unitId: units.市水务局?.id }), 400)).toMatch(/unitId/);
    const created = expectOk(
      await invite({ role: 'unit', groupIds: [], unitId: units.市水务局?.id }),
      z.object({ token: z.string() }),
    );
    const preview = await apiRequest(ctx.server.url, 'GET', `/api/invitations/${created.token}`, {});
    expect(preview.body).toMatchObject({ role: 'unit', unit: { name: '市水务局' } });
  });
});

describe('a unit in the rooms (P16)', () => {
  it('reads the content of a proposal handed to it, read-only, and is refused its comments room', async () => {
    const id = await approvedProposal();
    await file(id);
    await step('secretariat', id, 'handover', { mode: 'lead', unitIds: [ctx.workspace.units.市水务局?.id] });
    const reader = await pool.connect(ctx.server.wsUrl, roomNameOf(id), { token: ctx.tokenOf('water') });
    reader.doc.getText('title').insert(0, '改标题');
    await waitUntil(() => reader.permissionDenied.length > 0, 'the permission-denied message');

    const comments = new SyncClient(ctx.server.wsUrl, roomNameOf(id, RoomKind.comments), {
      token: ctx.tokenOf('water'),
    });
    await comments.opened;
    comments.sendRaw(new Uint8Array([0, 0, 1, 0]));
    const closed = await comments.waitClosed();
    expect({ code: closed.code, frames: comments.received.length }).toEqual({ code: CloseCode.forbidden, frames: 0 });
  });
});
