import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { activitySchema } from '../../shared/api/activities';
import {
  committeeDutySchema,
  correctionInboxSchema,
  dutyBookSchema,
  dutyYearSchema,
  memberYearSchema,
} from '../../shared/api/duty';
import { inboxSchema } from '../../shared/api/review';
import { apiErrorSchema } from '../../shared/api/schemas';
import { DocKind, Role } from '../../shared/index';
import { type ApiAnswer, apiRequest, expectOk } from './support/apiRequest';
import { filedBy, moveDocument } from './support/moveDocument';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'li' | 'zhang' | 'wang' | 'convener' | 'other' | 'chair' | 'water';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * The year of the test: two years ahead, so that the accounts, made today, are older than any
 * week of it. The server's clock starts on its 1 March and the test moves it.
 */
const YEAR = new Date().getUTCFullYear() + 2;
const clock = { now: Date.UTC(YEAR, 2, 1) };

const ctx = setupSeededServer<'经济界' | '教育界', Person>(
  {
    groups: ['经济界', '教育界'],
    units: ['市水务局'],
    people: {
      li: { role: Role.member, groups: ['经济界'], name: '李委员' },
      zhang: { role: Role.member, groups: ['经济界'], name: '张委员' },
      wang: { role: Role.member, groups: ['经济界'], name: '王委员' },
      convener: { role: Role.convener, groups: ['经济界'], name: '召集人' },
      other: { role: Role.convener, groups: ['教育界'], name: '别组召集人' },
      chair: { role: Role.chair, name: '主席' },
      water: { role: Role.unit, unit: '市水务局', name: '水务局联络员' },
    },
  },
  { server: { now: () => clock.now } },
);

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
function call(as: Person | 'secretariat', method: Method, path: string, json?: unknown) {
  return apiRequest(ctx.server.url, method, path, { token: ctx.tokenOf(as), ...(json === undefined ? {} : { json }) });
}

async function refused(answer: Promise<ApiAnswer>, status: number): Promise<string> {
  const response = await answer;
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return apiErrorSchema.parse(response.body).message;
}

const idOf = (person: Person) => ctx.workspace.people[person].id;

/** A research activity of 经济界 organised by the convener, with li and zhang attended, wang absent. */
async function researchAttended(): Promise<string> {
  const startsAt = clock.now + DAY;
  const body = {
    kind: 'research',
    title: '小微企业融资调研',
    place: '高新区',
    startsAt,
    endsAt: startsAt + 3 * HOUR,
    groupId: ctx.workspace.groups.经济界.id,
  };
  const activity = expectOk(await call('convener', 'POST', '/api/activities', body), activitySchema);
  clock.now = startsAt + 4 * HOUR;
  const attendedIds = [idOf('li'), idOf('zhang')];
  expectOk(await call('convener', 'PUT', `/api/activities/${activity.id}/attendance`, { attendedIds }), activitySchema);
  return activity.id;
}

describe('the duty record (B1-B5, Y6-Y8, F1-F3, P21)', () => {
  it('keeps each record private: the member, the group’s conveners, the office and chairs; never a unit', async () => {
    const li = `/api/duty/members/${idOf('li')}?year=${YEAR}`;
    expectOk(await call('li', 'GET', `/api/me/duty?year=${YEAR}`), memberYearSchema);
    for (const outsider of ['zhang', 'other'] as const) {
      await refused(call(outsider, 'GET', li), 404);
    }
    for (const reader of ['convener', 'secretariat', 'chair'] as const) {
      expect(expectOk(await call(reader, 'GET', li), memberYearSchema).member.name).toBe('李委员');
    }
    await refused(call('water', 'GET', `/api/me/duty?year=${YEAR}`), 403);
    await refused(call('water', 'GET', li), 404);
    await refused(call('water', 'GET', `/api/duty/committee?year=${YEAR}`), 403);
    await refused(call('zhang', 'GET', `/api/duty/committee?year=${YEAR}`), 403);
    // A convener sees the group's members only.
    const group = expectOk(await call('other', 'GET', `/api/duty/committee?year=${YEAR}`), committeeDutySchema);
    expect(group.rows.map((row) => row.name)).toEqual(['别组召集人']);
    const own = expectOk(await call('convener', 'GET', `/api/duty/committee?year=${YEAR}`), committeeDutySchema);
    expect(own.rows.map((row) => row.name).sort()).toEqual(['召集人', '张委员', '李委员', '王委员'].sort());
  });

  it('takes the form from summary to submitted to the convener’s and the office’s confirmation', async () => {
    const year = YEAR;
    expect(await refused(call('zhang', 'POST', '/api/me/duty/submit', { year }), 409)).toMatch(/summary/);
    expectOk(
      await call('zhang', 'PUT', '/api/me/duty/summary', { year, summary: '全年参加调研，提交提案。' }),
      dutyBookSchema,
    );
    const submitted = expectOk(await call('zhang', 'POST', '/api/me/duty/submit', { year }), dutyBookSchema);
    expect(submitted.state).toBe('submitted');
    await refused(call('zhang', 'PUT', '/api/me/duty/summary', { year, summary: '改' }), 409);
    // The convener is told the form waits.
    const inbox = expectOk(await call('convener', 'GET', '/api/notifications'), inboxSchema);
    expect(inbox.notifications.some((each) => each.type === 'duty_submitted' && each.threadId === idOf('zhang'))).toBe(
      true,
    );

    const confirm = `/api/duty/members/${idOf('zhang')}/confirm`;
    expect(await refused(call('secretariat', 'POST', confirm, { year, as: 'office' }), 409)).toMatch(/convener/);
    await refused(call('zhang', 'POST', confirm, { year, as: 'convener' }), 404);
    await refused(call('other', 'POST', confirm, { year, as: 'convener' }), 404);
    await refused(call('chair', 'POST', confirm, { year, as: 'convener' }), 403);
    await refused(call('convener', 'POST', confirm, { year, as: 'office' }), 403);
    // The convener reads their own group's records, their own among them, but never confirms, returns, reminds or talks to themselves.
    expectOk(await call('convener', 'PUT', '/api/me/duty/summary', { year, summary: '召集人的总结' }), dutyBookSchema);
    expectOk(await call('convener', 'POST', '/api/me/duty/submit', { year }), dutyBookSchema);
    const self = `/api/duty/members/${idOf('convener')}`;
    await refused(call('convener', 'POST', `${self}/confirm`, { year, as: 'convener' }), 403);
    await refused(call('convener', 'POST', `${self}/return`, { year, note: '自己退回' }), 403);
    await refused(call('convener', 'POST', `${self}/talks`, { year, at: clock.now, note: '自己约谈' }), 403);
    await refused(call('convener', 'POST', `${self}/reminders`, { year, note: '提醒自己' }), 403);
    expectOk(await call('convener', 'POST', confirm, { year, as: 'convener' }), dutyBookSchema);
    const done = expectOk(await call('secretariat', 'POST', confirm, { year, as: 'office' }), dutyBookSchema);
    expect(done).toMatchObject({ state: 'confirmed', officeConfirmation: { by: ctx.workspace.secretariat.id } });
  });

  it('sends a form back with the reason, and the member may write again', async () => {
    const year = YEAR;
    expectOk(await call('wang', 'PUT', '/api/me/duty/summary', { year, summary: '履职情况' }), dutyBookSchema);
    expectOk(await call('wang', 'POST', '/api/me/duty/submit', { year }), dutyBookSchema);
    const back = `/api/duty/members/${idOf('wang')}/return`;
    await refused(call('wang', 'POST', back, { year, note: '请补充' }), 404);
    const returned = expectOk(await call('convener', 'POST', back, { year, note: '请补充调研内容' }), dutyBookSchema);
    expect(returned).toMatchObject({ state: 'draft', returnNote: '请补充调研内容' });
    const inbox = expectOk(await call('wang', 'GET', '/api/notifications'), inboxSchema);
    expect(inbox.notifications.find((each) => each.type === 'duty_returned')?.excerpt).toBe('请补充调研内容');
    expectOk(await call('wang', 'PUT', '/api/me/duty/summary', { year, summary: '履职情况（补充）' }), dutyBookSchema);
  });

  it('counts external facts the office records with evidence, and routes correction requests to the recorder', async () => {
    const year = YEAR;
    const activityId = await researchAttended();
    const facts = `/api/duty/members/${idOf('li')}/facts`;
    const speech = { year, at: clock.now, points: 3, note: '全会大会发言', evidence: '大会发言材料第12号' };
    await refused(call('convener', 'POST', facts, speech), 403);
    await refused(call('secretariat', 'POST', facts, { ...speech, points: 99 }), 400);
    const withFact = expectOk(await call('secretariat', 'POST', facts, speech), dutyBookSchema);
    const factId = withFact.externalFacts[0]?.id;
    const liYear = expectOk(await call('li', 'GET', `/api/me/duty?year=${year}`), memberYearSchema);
    const external = liYear.facts.find((fact) => fact.kind === 'external');
    expect(external).toMatchObject({ points: 3, note: '全会大会发言', source: { type: 'manual', id: factId } });
    expect(liYear.score.lines.find((line) => line.key === 'external')).toMatchObject({ points: 3 });
    expect(liYear.titles[activityId]).toBe('小微企业融资调研');

    // li finds the research attendance wrong: its organiser answers, nobody else.
    const attendance = liYear.facts.find((fact) => fact.source.id === activityId);
    const asked = expectOk(
      await call('li', 'POST', '/api/me/duty/corrections', {
        year,
        factId: attendance?.id,
        message: '我全程参加，非请假',
      }),
      dutyBookSchema,
    );
    const requestId = asked.corrections[0]?.id;
    expect(asked.corrections[0]?.recorderId).toBe(idOf('convener'));
    const inbox = expectOk(await call('convener', 'GET', `/api/duty/corrections?year=${year}`), correctionInboxSchema);
    expect(inbox.corrections.map((each) => [each.name, each.factTitle])).toEqual([['李委员', '小微企业融资调研']]);
    expect(expectOk(await call('zhang', 'GET', '/api/duty/corrections'), correctionInboxSchema).corrections).toEqual(
      [],
    );
    const answer = `/api/duty/members/${idOf('li')}/corrections/${requestId}/answer`;
    await refused(call('zhang', 'POST', answer, { year, accepted: true, text: '好' }), 403);
    expectOk(
      await call('convener', 'POST', answer, { year, accepted: true, text: '已核实，签到表已更正' }),
      dutyBookSchema,
    );
    await refused(call('convener', 'POST', answer, { year, accepted: true, text: '再答' }), 409);
    const told = expectOk(await call('li', 'GET', '/api/notifications'), inboxSchema);
    expect(told.notifications.some((each) => each.type === 'duty_correction_answered')).toBe(true);

    await refused(call('secretariat', 'DELETE', `${facts}/${randomUUID()}?year=${year}`), 404);
    const removed = expectOk(await call('secretariat', 'DELETE', `${facts}/${factId}?year=${year}`), dutyBookSchema);
    expect(removed.externalFacts).toEqual([]);
  });

  it('flags members below the minimum or inactive, takes reminders and talks, and shows a quarter', async () => {
    const year = YEAR;
    // A week without a fact flags a member (the office's setting); wang has none this year.
    expectOk(
      await call('secretariat', 'PUT', `/api/duty/years/${year}`, { inactiveDays: 7, version: 0 }),
      dutyYearSchema,
    );
    clock.now += 8 * DAY;
    const view = expectOk(await call('secretariat', 'GET', `/api/duty/committee?year=${year}`), committeeDutySchema);
    const wang = view.rows.find((row) => row.userId === idOf('wang'));
    expect(wang?.flags).toEqual(expect.arrayContaining(['below_minimum', 'inactive', 'unqualified']));
    const li = view.rows.find((row) => row.userId === idOf('li'));
    // Being absent is not taking part: wang's last fact is none; li's the research attended.
    expect(wang?.lastFactAt).toBeNull();
    expect(li?.lastFactAt).toBeGreaterThan(Date.UTC(YEAR, 2, 1));
    expect(li?.counts.attended).toBe(1);
    expect(view.byMonth).toHaveLength(12);
    expect(view.byGroup.find((group) => group.name === '经济界')?.members).toBe(4);

    const member = `/api/duty/members/${idOf('wang')}`;
    await refused(call('other', 'POST', `${member}/talks`, { year, at: clock.now, note: '谈话' }), 404);
    expectOk(await call('convener', 'POST', `${member}/reminders`, { year, note: '请参加下月视察' }), dutyBookSchema);
    const talked = expectOk(
      await call('secretariat', 'POST', `${member}/talks`, { year, at: clock.now, note: '约谈：说明原因，承诺参加' }),
      dutyBookSchema,
    );
    expect(talked.talks.map((talk) => talk.note)).toEqual(['约谈：说明原因，承诺参加']);
    const reminded = expectOk(await call('wang', 'GET', '/api/notifications'), inboxSchema);
    expect(reminded.notifications.find((each) => each.type === 'duty_reminder')?.excerpt).toBe('请参加下月视察');
    const after = expectOk(await call('chair', 'GET', `/api/duty/committee?year=${year}`), committeeDutySchema);
    expect(after.rows.find((row) => row.userId === idOf('wang'))).toMatchObject({ talks: 1, reminders: 1 });

    // The first quarter holds the research activity (March); the second none of it.
    const q1 = expectOk(
      await call('secretariat', 'GET', `/api/duty/committee?year=${year}&quarter=1`),
      committeeDutySchema,
    );
    expect(q1.byMonth.map((month) => month.month)).toEqual([1, 2, 3]);
    expect(q1.rows.find((row) => row.userId === idOf('li'))?.counts.attended).toBe(1);
    const q2 = expectOk(
      await call('secretariat', 'GET', `/api/duty/committee?year=${year}&quarter=2`),
      committeeDutySchema,
    );
    expect(q2.rows.find((row) => row.userId === idOf('li'))?.counts.attended).toBe(0);
    await refused(call('secretariat', 'GET', `/api/duty/committee?year=${year}&quarter=5`), 400);
  });

  it('rescores every member when the office changes the rules, and keeps a closed year’s results', async () => {
    const year = YEAR;
    const rules = expectOk(await call('li', 'GET', `/api/duty/years/${year}`), dutyYearSchema);
    expect(rules).toMatchObject({ basis: 'preset_100', inactiveDays: 7, version: 1, closedAt: null });
    await refused(call('li', 'PUT', `/api/duty/years/${year}`, { preset: 'preset_120', version: 1 }), 403);
    const before = expectOk(await call('li', 'GET', `/api/me/duty?year=${year}`), memberYearSchema);
    // The research attended: 6 points under the 100-point preset, 8 under the 120-point one.
    expect(before.score.lines.find((line) => line.key === 'attend_research')?.points).toBe(6);
    expectOk(
      await call('secretariat', 'PUT', `/api/duty/years/${year}`, { preset: 'preset_120', version: 1 }),
      dutyYearSchema,
    );
    await refused(call('secretariat', 'PUT', `/api/duty/years/${year}`, { preset: 'preset_100', version: 1 }), 409);
    const changed = { ...before.rules, items: { ...before.rules.items, attend_research: { points: 20, cap: 30 } } };
    const custom = expectOk(
      await call('secretariat', 'PUT', `/api/duty/years/${year}`, { rules: changed, version: 2 }),
      dutyYearSchema,
    );
    expect(custom.basis).toBe('custom');
    const after = expectOk(await call('li', 'GET', `/api/me/duty?year=${year}`), memberYearSchema);
    expect(after.score.lines.find((line) => line.key === 'attend_research')?.points).toBe(20);
    const bad = { ...changed, levels: { excellent: 50, competent: 70, basic: 60 } };
    expect(
      await refused(call('secretariat', 'PUT', `/api/duty/years/${year}`, { rules: bad, version: 3 }), 400),
    ).toMatch(/levels/);

    expectOk(await call('secretariat', 'POST', `/api/duty/years/${year}/close`), dutyYearSchema);
    const closed = expectOk(await call('li', 'GET', `/api/me/duty?year=${year}`), memberYearSchema);
    expect(closed.closedResult?.total).toBe(after.score.total);
    expect(closed.may.write).toBe(false);
    await refused(call('secretariat', 'PUT', `/api/duty/years/${year}`, { preset: 'preset_100', version: 4 }), 409);
    await refused(call('li', 'PUT', '/api/me/duty/summary', { year, summary: '晚了' }), 409);
    // A fact arriving late changes the live score, never the kept result.
    const doc = await ctx.workspace.createDoc('li', {
      groupKey: '经济界',
      kind: DocKind.proposal,
      title: '关于普惠金融的建议',
    });
    await moveDocument(ctx.server, ctx.tokenOf, doc.id, filedBy('li', 'convener'));
    const view = expectOk(await call('secretariat', 'GET', `/api/duty/committee?year=${year}`), committeeDutySchema);
    expect(view.closed).toBe(true);
    expect(view.rows.find((row) => row.userId === idOf('li'))?.total).toBe(after.score.total);
    // wang was 不称职 in the closed year and is again the next: the committee talks to them now.
    const next = expectOk(
      await call('secretariat', 'GET', `/api/duty/committee?year=${year + 1}`),
      committeeDutySchema,
    );
    expect(next.rows.find((row) => row.userId === idOf('wang'))?.flags).toContain('unqualified_again');
    expect(view.rows.find((row) => row.userId === idOf('wang'))?.flags).not.toContain('unqualified_again');
    // The convener approved it: a review given, counted for the convener.
    const convener = expectOk(await call('convener', 'GET', `/api/me/duty?year=${year}`), memberYearSchema);
    expect(convener.facts.find((fact) => fact.kind === 'reviews')).toMatchObject({ count: 1, source: { id: doc.id } });
  });
});

describe('the duty record’s files (P21)', () => {
  async function file(as: Person | 'secretariat', path: string) {
    const response = await fetch(`${ctx.server.url}${path}`, {
      headers: { authorization: `Bearer ${ctx.tokenOf(as)}` },
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  }
  const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

  it('gives the member their form, readers a member’s, the ZIP and the workbook; nobody else', async () => {
    const own = await file('li', `/api/me/duty/form.docx?year=${YEAR}`);
    expect(own.type).toContain('wordprocessingml');
    expect(isZip(own.bytes)).toBe(true);
    const text = (await JSZip.loadAsync(own.bytes).then((zip) => zip.file('word/document.xml')?.async('string'))) ?? '';
    expect(text).toContain('李委员');
    expect((await file('zhang', `/api/duty/members/${idOf('li')}/form.docx?year=${YEAR}`)).status).toBe(404);
    expect((await file('water', `/api/me/duty/form.docx?year=${YEAR}`)).status).toBe(403);
    expect(isZip((await file('convener', `/api/duty/members/${idOf('li')}/form.docx?year=${YEAR}`)).bytes)).toBe(true);

    const forms = await file('convener', `/api/duty/forms.zip?year=${YEAR}`);
    const names = Object.keys((await JSZip.loadAsync(forms.bytes)).files).sort();
    expect(names).toEqual(
      ['召集人', '张委员', '李委员', '王委员'].map((name) => `${YEAR}-${name}-履职登记表.docx`).sort(),
    );
    expect((await file('zhang', `/api/duty/forms.zip?year=${YEAR}`)).status).toBe(403);
    const scores = await file('secretariat', `/api/duty/scores.xlsx?year=${YEAR}&quarter=1`);
    expect(scores.type).toContain('spreadsheetml');
    const workbook = await JSZip.loadAsync(scores.bytes);
    const sheets = (await workbook.file('xl/workbook.xml')?.async('string')) ?? '';
    expect(sheets).toContain('第一季度');
  });
});
