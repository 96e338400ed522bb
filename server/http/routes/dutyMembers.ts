import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import {
  confirmRequestSchema,
  correctionAnswerRequestSchema,
  externalFactRequestSchema,
  reminderRequestSchema,
  returnRequestSchema,
  talkRequestSchema,
} from '../../../shared/api/duty';
import { userIdSchema } from '../../../shared/api/schemas';
import {
  addExternalFact,
  answerCorrection,
  confirmForm,
  recordTalk,
  remind,
  removeExternalFact,
  returnForm,
} from '../../../shared/domain/dutyBook';
import { Action, type Actor, can } from '../../../shared/index';
import { changeBook } from '../../duty/changeBook';
import { memberFor, refuseOwn, requireOffice } from '../../duty/dutyAccess';
import { dutyNotification } from '../../duty/dutyNotifications';
import { hasConvenerStep, memberYear } from '../../duty/memberYear';
import { announceNotifications } from '../../review/announce';
import type { NewNotification } from '../../storage/ReviewStore';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';
import { yearOf } from './duty';

/**
 * A member's duty record as the convener and the office see it (RULES.md B2-B5, P21): reading
 * it, confirming or sending back the form, external facts, reminders, talks (约谈) and the
 * answers to correction requests.
 */
export function registerDutyMemberRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);
  const memberId = (text: string | undefined) => param(userIdSchema, text, 'userId');
  const tell = async (notifications: readonly NewNotification[]) =>
    announceNotifications(deps.hub, await deps.reviews.addNotifications(notifications));

  api.get('/duty/members/:userId', auth, async (c) => {
    const { actor } = c.get('auth');
    const member = await memberFor(deps, actor, memberId(c.req.param('userId')), Action.viewDutyRecords);
    return c.json(await memberYear(deps, actor, member, yearOf(deps, c.req.query('year'))), 200);
  });

  api.post('/duty/members/:userId/confirm', auth, jsonBody(confirmRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const { year, as } = c.get('body');
    const id = memberId(c.req.param('userId'));
    const member = await memberFor(
      deps,
      actor,
      id,
      as === 'convener' ? Action.confirmDutyForm : Action.viewDutyRecords,
    );
    refuseOwn(actor, member);
    if (as === 'office') {
      requireOffice(actor);
    }
    const convenerStep = hasConvenerStep(member, await deps.accounts.listUsers());
    const signed = { by: actor.id, at: deps.now() };
    return c.json(
      await changeBook(deps.duty, member.id, year, (book) => confirmForm(book, as, signed, convenerStep)),
      200,
    );
  });

  api.post('/duty/members/:userId/return', auth, jsonBody(returnRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const { year, note } = c.get('body');
    const member = await memberFor(deps, actor, memberId(c.req.param('userId')), confirmerAction(actor));
    refuseOwn(actor, member);
    const book = await changeBook(deps.duty, member.id, year, (current) => returnForm(current, note));
    await tell([
      dutyNotification({ type: 'duty_returned', to: member.id, actorId: actor.id, year, at: deps.now(), note }),
    ]);
    return c.json(book, 200);
  });

  api.post('/duty/members/:userId/facts', auth, jsonBody(externalFactRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    requireOffice(actor);
    const { year, at, points, note, evidence } = c.get('body');
    const member = await memberFor(deps, actor, memberId(c.req.param('userId')), Action.viewDutyRecords);
    const fact = { id: randomUUID(), at, points, note, evidence, recordedBy: actor.id, recordedAt: deps.now() };
    return c.json(await changeBook(deps.duty, member.id, year, (book) => addExternalFact(book, fact)), 201);
  });

  api.delete('/duty/members/:userId/facts/:factId', auth, async (c) => {
    const { actor } = c.get('auth');
    requireOffice(actor);
    const member = await memberFor(deps, actor, memberId(c.req.param('userId')), Action.viewDutyRecords);
    const year = yearOf(deps, c.req.query('year'));
    const factId = c.req.param('factId');
    return c.json(await changeBook(deps.duty, member.id, year, (book) => removeExternalFact(book, factId)), 200);
  });

  api.post('/duty/members/:userId/talks', auth, jsonBody(talkRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const { year, at, note } = c.get('body');
    const member = await memberFor(deps, actor, memberId(c.req.param('userId')), Action.viewDutyRecords);
    refuseOwn(actor, member);
    const talk = { id: randomUUID(), at, note, by: actor.id, recordedAt: deps.now() };
    return c.json(await changeBook(deps.duty, member.id, year, (book) => recordTalk(book, talk), 'allow'), 201);
  });

  api.post('/duty/members/:userId/reminders', auth, jsonBody(reminderRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const { year, note } = c.get('body');
    const member = await memberFor(deps, actor, memberId(c.req.param('userId')), Action.viewDutyRecords);
    refuseOwn(actor, member);
    const at = deps.now();
    const book = await changeBook(deps.duty, member.id, year, (current) => remind(current, { by: actor.id, at, note }));
    await tell([dutyNotification({ type: 'duty_reminder', to: member.id, actorId: actor.id, year, at, note })]);
    return c.json(book, 201);
  });

  api.post('/duty/members/:userId/corrections/:id/answer', auth, jsonBody(correctionAnswerRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const { year, accepted, text } = c.get('body');
    const id = memberId(c.req.param('userId'));
    const member = await deps.accounts.getUser(id);
    const office = can(actor, Action.manageDuty, { type: 'committee' });
    const answer = { accepted, text, by: actor.id, at: deps.now() };
    // The recorder answers, or the office; someone else finds nothing to answer (P21, B4).
    const book = await changeBook(deps.duty, member?.id ?? id, year, (current) =>
      answerCorrection(current, c.req.param('id'), answer, office),
    );
    await tell([
      dutyNotification({
        type: 'duty_correction_answered',
        to: id,
        actorId: actor.id,
        year,
        at: answer.at,
        note: text,
      }),
    ]);
    return c.json(book, 200);
  });
}

/** Who sends a form back: a convener as a convener, the office as the office. */
function confirmerAction(actor: Actor): typeof Action.confirmDutyForm | typeof Action.viewDutyRecords {
  return can(actor, Action.manageDuty, { type: 'committee' }) ? Action.viewDutyRecords : Action.confirmDutyForm;
}
