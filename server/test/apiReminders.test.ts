import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseAnswerSchema, committeeSessionSchema } from '../../shared/api/handling';
import { inboxSchema, transitionResultSchema } from '../../shared/api/review';
import { type DocId, DocKind, Role } from '../../shared/index';
import { apiRequest, expectOk } from './support/apiRequest';
import { eventually } from './support/eventually';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'zhang' | 'li' | 'zhao' | 'convener' | 'water';

const DAY = 24 * 60 * 60 * 1000;
/** The test's clock: the server reads it for every decision, the reminders included. */
const clock = { now: Date.UTC(2026, 11, 1) };

const ctx = setupSeededServer<'经济界', Person>(
  {
    groups: ['经济界'],
    units: ['市水务局'],
    people: {
      zhang: { role: Role.member, groups: ['经济界'], name: '张委员' },
      li: { role: Role.member, groups: ['经济界'], name: '李委员' },
      zhao: { role: Role.member, groups: ['经济界'], name: '赵委员' },
      convener: { role: Role.convener, groups: ['经济界'], name: '召集人' },
      water: { role: Role.unit, unit: '市水务局', name: '水务局联络员' },
    },
  },
  { server: { now: () => clock.now, reminderIntervalMs: 50 } },
);

function call(as: Person | 'secretariat', method: 'GET' | 'POST' | 'PUT', path: string, json?: unknown) {
  return apiRequest(ctx.server.url, method, path, { token: ctx.tokenOf(as), ...(json === undefined ? {} : { json }) });
}

async function typesOf(as: Person, id: DocId): Promise<string[]> {
  const inbox = expectOk(await call(as, 'GET', '/api/notifications'), inboxSchema);
  return inbox.notifications.filter((n) => n.docId === id).map((n) => n.type);
}

async function transition(as: Person | 'secretariat', id: DocId, action: string, fromStatus: string) {
  const body = { action, fromStatus, requestId: randomUUID() };
  return expectOk(await call(as, 'POST', `/api/docs/${id}/transitions`, body), transitionResultSchema);
}

describe('R1-R2: the office’s reminders, on the server’s clock', () => {
  it('reminds before the call closes, once per step, and reminds late units weekly', async () => {
    expectOk(
      await call('secretariat', 'POST', '/api/sessions', {
        name: '十五届四次会议',
        callDeadline: clock.now + 10 * DAY,
      }),
      committeeSessionSchema,
    );
    // A draft of zhang's with li invited to co-sign, and one of zhao's waiting for review.
    const draft = (await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal })).id;
    expectOk(
      await call('zhang', 'POST', `/api/docs/${draft}/cosigners`, { userIds: [ctx.workspace.people.li.id] }),
      z.unknown(),
    );
    const waiting = (await ctx.workspace.createDoc('zhao', { groupKey: '经济界', kind: DocKind.proposal })).id;
    await transition('zhao', waiting, 'submit', 'draft');

    // Eight days before the deadline nothing is due.
    clock.now += 2 * DAY;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await typesOf('zhang', draft)).toEqual([]);

    // Seven days before: each hears once, however many ticks pass.
    clock.now += DAY;
    await eventually(async () => expect(await typesOf('zhang', draft)).toEqual(['call_closing']));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await typesOf('zhang', draft)).toEqual(['call_closing']);
    expect(await typesOf('li', draft)).toContain('call_closing_cosign');
    expect(await typesOf('convener', waiting)).toEqual(['call_closing_review', 'review_requested']);
    const inbox = expectOk(await call('zhang', 'GET', '/api/notifications'), inboxSchema);
    expect(inbox.notifications[0]).toMatchObject({ excerpt: '十五届四次会议', reason: '7' });

    // Three days before, the next one.
    clock.now += 4 * DAY;
    await eventually(async () => expect(await typesOf('zhang', draft)).toEqual(['call_closing', 'call_closing']));

    // A filed proposal handed over with a deadline: the late unit hears when it passes, then weekly.
    await transition('convener', waiting, 'approve', 'in_review');
    await transition('secretariat', waiting, 'file', 'approved');
    const unitId = ctx.workspace.units.市水务局?.id;
    const handover = { mode: 'lead', unitIds: [unitId], deadline: clock.now + DAY };
    expectOk(await call('secretariat', 'POST', `/api/docs/${waiting}/case/handover`, handover), caseAnswerSchema);
    expect(await typesOf('water', waiting)).toEqual(['handed_over']);
    clock.now += 2 * DAY;
    await eventually(async () => expect(await typesOf('water', waiting)).toEqual(['handling_overdue', 'handed_over']));
    clock.now += DAY;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await typesOf('water', waiting)).toHaveLength(2);
    clock.now += 7 * DAY;
    await eventually(async () =>
      expect((await typesOf('water', waiting)).filter((t) => t === 'handling_overdue')).toHaveLength(2),
    );
  });
});
