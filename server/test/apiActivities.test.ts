import { describe, expect, it } from 'vitest';
import { activitySchema, checkInKeySchema } from '../../shared/api/activities';
import { memberYearSchema } from '../../shared/api/duty';
import { apiErrorSchema } from '../../shared/api/schemas';
import { signCheckInCode } from '../../shared/domain/checkInCode';
import { DocKind, Role } from '../../shared/index';
import { type ApiAnswer, apiRequest, expectOk } from './support/apiRequest';
import { filedBy, moveDocument } from './support/moveDocument';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'zhang' | 'li' | 'wang' | 'convener' | 'other';

const HOUR = 3_600_000;
/** The server's clock, which the test moves. */
const clock = { now: Date.UTC(2026, 11, 1) };

const ctx = setupSeededServer<'经济界' | '教育界', Person>(
  {
    groups: ['经济界', '教育界'],
    people: {
      zhang: { role: Role.member, groups: ['经济界'], name: '张委员' },
      li: { role: Role.member, groups: ['经济界'], name: '李委员' },
      wang: { role: Role.member, groups: ['经济界'], name: '王委员' },
      convener: { role: Role.convener, groups: ['经济界'], name: '召集人' },
      other: { role: Role.convener, groups: ['教育界'], name: '别组召集人' },
    },
  },
  { server: { now: () => clock.now } },
);

function call(as: Person | 'secretariat', method: 'GET' | 'POST' | 'PUT', path: string, json?: unknown) {
  return apiRequest(ctx.server.url, method, path, { token: ctx.tokenOf(as), ...(json === undefined ? {} : { json }) });
}

async function refused(answer: Promise<ApiAnswer>, status: number): Promise<string> {
  const response = await answer;
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return apiErrorSchema.parse(response.body).message;
}

describe('activities (V1-V5, C1-C3)', () => {
  it('invites the group, takes answers and leave, records the list, and checks a member in by code days later', async () => {
    const startsAt = clock.now + 24 * HOUR;
    const body = {
      kind: 'inspection',
      title: '乡村养老服务视察',
      place: '河口镇',
      startsAt,
      endsAt: startsAt + 3 * HOUR,
    };
    const groupId = ctx.workspace.groups.经济界.id;
    await refused(call('other', 'POST', '/api/activities', { ...body, groupId }), 403);
    await refused(call('zhang', 'POST', '/api/activities', { ...body, groupId }), 403);
    expect(
      await refused(call('convener', 'POST', '/api/activities', { ...body, groupId, endsAt: startsAt }), 400),
    ).toMatch(/end after/);
    const created = expectOk(await call('convener', 'POST', '/api/activities', { ...body, groupId }), activitySchema);
    const { people } = ctx.workspace;
    expect([...created.inviteeIds].sort()).toEqual(
      [people.zhang.id, people.li.id, people.wang.id, people.convener.id].sort(),
    );
    const path = `/api/activities/${created.id}`;
    await refused(call('other', 'GET', path), 404);

    expectOk(await call('zhang', 'POST', `${path}/response`, { answer: 'attend' }), activitySchema);
    await refused(call('li', 'POST', `${path}/response`, { answer: 'leave' }), 400);
    expectOk(await call('li', 'POST', `${path}/response`, { answer: 'leave', reason: '出差' }), activitySchema);
    await refused(call('zhang', 'POST', `${path}/leave`, { userId: people.li.id, approve: true }), 403);
    expectOk(await call('convener', 'POST', `${path}/leave`, { userId: people.li.id, approve: true }), activitySchema);

    // At the venue: the organiser's phone, given the key beforehand, shows codes offline; wang scans one.
    const { key } = expectOk(await call('convener', 'GET', `${path}/check-in-key`), checkInKeySchema);
    await refused(call('wang', 'GET', `${path}/check-in-key`), 403);
    const code = await signCheckInCode(new Uint8Array(Buffer.from(key, 'base64url')), created.id, startsAt + HOUR);
    // The organiser sends the ticked list the next day; wang's check-in arrives three days later.
    clock.now = startsAt + 30 * HOUR;
    const listed = expectOk(
      await call('convener', 'PUT', `${path}/attendance`, { attendedIds: [people.zhang.id] }),
      activitySchema,
    );
    expect(listed.attendance.find((entry) => entry.userId === people.wang.id)?.presence).toBe('absent');
    clock.now = startsAt + 72 * HOUR;
    const checked = expectOk(await call('wang', 'POST', `${path}/check-in`, { code }), activitySchema);
    const presence = Object.fromEntries(checked.attendance.map((entry) => [entry.userId, [entry.presence, entry.via]]));
    expect(presence).toEqual({
      [people.zhang.id]: ['attended', 'list'],
      [people.li.id]: ['excused', 'list'],
      [people.wang.id]: ['attended', 'code'],
      [people.convener.id]: ['absent', 'list'],
    });
  });

  it('refuses a forged, replayed or foreign check-in code with the reason', async () => {
    const startsAt = clock.now + 24 * HOUR;
    const body = { kind: 'research', title: '中小企业调研', place: '工业园', startsAt, endsAt: startsAt + 2 * HOUR };
    const groupId = ctx.workspace.groups.经济界.id;
    const first = expectOk(await call('convener', 'POST', '/api/activities', { ...body, groupId }), activitySchema);
    const second = expectOk(await call('convener', 'POST', '/api/activities', { ...body, groupId }), activitySchema);
    const keyOf = async (id: string) =>
      new Uint8Array(
        Buffer.from(
          expectOk(await call('convener', 'GET', `/api/activities/${id}/check-in-key`), checkInKeySchema).key,
          'base64url',
        ),
      );
    const checkIn = (id: string, code: string) => call('zhang', 'POST', `/api/activities/${id}/check-in`, { code });

    const genuine = await signCheckInCode(await keyOf(first.id), first.id, startsAt);
    expect(await refused(checkIn(second.id, genuine), 400)).toMatch(/other_activity/);
    const forged = `${genuine.slice(0, -2)}${genuine.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await refused(checkIn(first.id, forged), 400)).toMatch(/forged/);
    expect(apiErrorSchema.parse((await checkIn(first.id, forged)).body).reason).toBe('forged');
    const stale = await signCheckInCode(await keyOf(first.id), first.id, startsAt - 5 * HOUR);
    expect(await refused(checkIn(first.id, stale), 400)).toMatch(/outside_window/);
    expect(await refused(checkIn(first.id, 'nonsense'), 400)).toMatch(/malformed/);
    expectOk(await checkIn(first.id, genuine), activitySchema);
  });
});

describe('我的履职 (L1-L5, Y1-Y5)', () => {
  it('builds a member’s year from what happened: an inspection attended and a proposal filed, scored', async () => {
    clock.now = Date.UTC(2026, 11, 10);
    const startsAt = clock.now + HOUR;
    const groupId = ctx.workspace.groups.经济界.id;
    const body = {
      kind: 'inspection',
      title: '河道治理视察',
      place: '东河',
      startsAt,
      endsAt: startsAt + 2 * HOUR,
      groupId,
    };
    const created = expectOk(await call('convener', 'POST', '/api/activities', body), activitySchema);
    const { people } = ctx.workspace;
    expectOk(
      await call('convener', 'PUT', `/api/activities/${created.id}/attendance`, { attendedIds: [people.li.id] }),
      activitySchema,
    );

    const doc = await ctx.workspace.createDoc('li', {
      groupKey: '经济界',
      kind: DocKind.proposal,
      title: '关于河道治理的建议',
    });
    await moveDocument(ctx.server, ctx.tokenOf, doc.id, filedBy('li', 'convener'));

    const year = expectOk(await call('li', 'GET', '/api/me/duty?year=2026'), memberYearSchema);
    // li's year also holds the leave approved for the first test's inspection (excused).
    expect(year.facts.map((fact) => fact.kind)).toEqual(['attendance', 'proposal', 'attendance']);
    // Oldest first: filed now, the inspection an hour from now.
    expect(year.facts.slice(1).map((fact) => fact.source.id)).toEqual([doc.id, created.id]);
    const points = Object.fromEntries(year.score.lines.map((line) => [line.key, [line.points, line.factIds.length]]));
    // Under the 100-point preset: an inspection 6, an excused absence -1, a filed proposal as first proposer 8.
    expect(points).toEqual({ attend_inspection: [6, 1], excused: [-1, 1], proposal_first_filed: [8, 1] });
    expect(year.score).toMatchObject({
      participation: 5,
      results: 8,
      total: 13,
      level: 'unqualified',
      missing: ['plenary'],
    });
    // Each member sees only their own year.
    const zhang = expectOk(await call('zhang', 'GET', '/api/me/duty?year=2026'), memberYearSchema);
    expect(zhang.facts.every((fact) => fact.userId === people.zhang.id)).toBe(true);
    await refused(call('li', 'GET', '/api/me/duty?year=soon'), 400);
  });
});
