import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { z } from 'zod';
import { correctionRequestSchema, summaryRequestSchema, yearRequestSchema } from '../../../shared/api/duty';
import { askCorrection, submitForm, writeSummary } from '../../../shared/domain/dutyBook';
import { Denial, Role, type UserId } from '../../../shared/index';
import { changeBook } from '../../duty/changeBook';
import { dutyNotification } from '../../duty/dutyNotifications';
import { committeeYear } from '../../duty/ledger';
import { hasConvenerStep, memberYear } from '../../duty/memberYear';
import { announceNotifications } from '../../review/announce';
import type { UserRecord } from '../../storage/AccountStore';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

export const yearParamSchema = z.coerce.number().int().min(2000, 'must be a year').max(2100, 'must be a year');

/** The `?year=` of a request, this year in the committee's calendar when absent. */
export function yearOf(deps: ApiDeps, asked: string | undefined): number {
  return asked === undefined ? committeeYear(deps.now()) : param(yearParamSchema, asked, 'year');
}

/** The caller as a member who keeps a duty record; a unit's account keeps none (P21). */
async function self(deps: ApiDeps, id: UserId): Promise<UserRecord> {
  const me = await deps.accounts.getUser(id);
  if (me === null || me.role === Role.unit) {
    throw ApiError.forbidden(Denial.role, 'A handling unit keeps no duty record');
  }
  return me;
}

/** Whom a submitted form waits for: the member's conveners, or the office when the member has none (B2). */
function confirmersOf(member: UserRecord, people: readonly UserRecord[]): UserId[] {
  const convenerStep = hasConvenerStep(member, people);
  const confirms = (person: UserRecord) =>
    convenerStep
      ? person.role === Role.convener && person.groupIds.some((groupId) => member.groupIds.includes(groupId))
      : person.role === Role.secretariat;
  return people
    .filter((person) => person.isActive && person.id !== member.id && confirms(person))
    .map((person) => person.id);
}

/**
 * 我的履职 (RULES.md L1-L6, Y1-Y8, B1-B4): the caller's own year, their summary, submitting the
 * registration form, and correction requests. A member sees only their own record (P21).
 */
export function registerDutyRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/me/duty', auth, async (c) => {
    const { actor } = c.get('auth');
    const me = await self(deps, actor.id);
    return c.json(await memberYear(deps, actor, me, yearOf(deps, c.req.query('year'))), 200);
  });

  api.put('/me/duty/summary', auth, jsonBody(summaryRequestSchema), async (c) => {
    const { year, summary } = c.get('body');
    const me = await self(deps, c.get('auth').actor.id);
    return c.json(await changeBook(deps.duty, me.id, year, (book) => writeSummary(book, summary)), 200);
  });

  api.post('/me/duty/submit', auth, jsonBody(yearRequestSchema), async (c) => {
    const { year } = c.get('body');
    const me = await self(deps, c.get('auth').actor.id);
    const at = deps.now();
    const book = await changeBook(deps.duty, me.id, year, (current) => submitForm(current, at));
    const people = await deps.accounts.listUsers();
    const notifications = confirmersOf(me, people).map((to) =>
      dutyNotification({ type: 'duty_submitted', to, actorId: me.id, year, at, memberId: me.id }),
    );
    announceNotifications(deps.hub, await deps.reviews.addNotifications(notifications));
    return c.json(book, 200);
  });

  api.post('/me/duty/corrections', auth, jsonBody(correctionRequestSchema), async (c) => {
    const { year, factId, message } = c.get('body');
    const me = await self(deps, c.get('auth').actor.id);
    const at = deps.now();
    const recorderId = await recorderOf(deps, factId);
    const request = { id: randomUUID(), factId, message, recorderId, askedAt: at, answer: null };
    const book = await changeBook(deps.duty, me.id, year, (current) => askCorrection(current, request));
    const people = await deps.accounts.listUsers();
    const to =
      recorderId === null
        ? people.filter((person) => person.isActive && person.role === Role.secretariat).map((person) => person.id)
        : [recorderId];
    const notifications = to.map((each) =>
      dutyNotification({ type: 'duty_correction', to: each, actorId: me.id, year, at, memberId: me.id, note: message }),
    );
    announceNotifications(deps.hub, await deps.reviews.addNotifications(notifications));
    return c.json(book, 201);
  });
}

/**
 * B4: who recorded a fact, and so answers a request to correct it: an activity's organiser
 * ("谁组织谁记录"); the office (null) for documents, external facts and a fact found missing.
 */
async function recorderOf(deps: ApiDeps, factId: string | null): Promise<UserId | null> {
  if (factId === null) {
    return null;
  }
  const activityId = factId.split(':')[0] ?? '';
  const activity = activityId === '' ? null : await deps.activities.getActivity(activityId);
  return activity?.organizerId ?? null;
}
