import { randomBytes, randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import {
  activityResponseRequestSchema,
  attendanceRequestSchema,
  checkInRequestSchema,
  createActivityRequestSchema,
  leaveDecisionRequestSchema,
} from '../../../shared/api/activities';
import {
  type Activity,
  type ActivityChange,
  type ActivityRefusal,
  checkIn,
  checkInWindow,
  decideLeave,
  mayManageActivity,
  maySeeActivity,
  recordAttendance,
  respond,
} from '../../../shared/domain/activities';
import { activityCheckInKey, verifyCheckInCode } from '../../../shared/domain/checkInCode';
import { Action, type Actor, ApiErrorCode, Denial, type UserId } from '../../../shared/index';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody } from '../validate';

const REFUSALS: { readonly [R in ActivityRefusal]: string } = {
  not_invited: 'you are not invited to it',
  over: 'it has ended',
  reason_needed: 'a leave request needs its reason',
  no_leave_asked: 'that person asked for no leave',
  not_invitees: 'the list names people who are not invited',
};

/** The server's secret the activities' check-in keys derive from (C1), made the first time. */
async function checkInSecret(deps: ApiDeps): Promise<Uint8Array> {
  const hex = await deps.accounts.serverSecret('check-in', () => randomBytes(32).toString('hex'));
  return new Uint8Array(Buffer.from(hex, 'hex'));
}

async function findActivity(deps: ApiDeps, actor: Actor, id: string): Promise<Activity> {
  const activity = await deps.activities.getActivity(id);
  if (activity === null || !maySeeActivity(actor, activity)) {
    throw ApiError.notFound(`No activity ${id} you may see`);
  }
  return activity;
}

function requireManager(actor: Actor, activity: Activity): void {
  if (!mayManageActivity(actor, activity)) {
    throw ApiError.forbidden(Denial.role, 'Only the activity’s organiser or the secretariat manages it');
  }
}

/** Applies a change on the stored activity, again from a fresh read when another change came first. */
async function change(deps: ApiDeps, id: string, apply: (current: Activity) => ActivityChange): Promise<Activity> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await deps.activities.getActivity(id);
    if (current === null) {
      throw ApiError.notFound(`No activity ${id}`);
    }
    const changed = apply(current);
    if (!changed.ok) {
      throw ApiError.conflict(`Cannot do this on activity ${id}: ${REFUSALS[changed.refusal]}`);
    }
    if (changed.next === current) {
      return current;
    }
    const saved = await deps.activities.saveActivity(changed.next);
    if (saved === 'saved') {
      return changed.next;
    }
  }
  throw ApiError.conflict(`Activity ${id} changed several times meanwhile: try again`);
}

/** Activities (docs/API.md, "Activities"; RULES.md V1-V5, C1-C3). */
export function registerActivityRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.post('/activities', auth, jsonBody(createActivityRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const body = c.get('body');
    if (body.groupId === undefined) {
      permit(actor, Action.manageCommittee, { type: 'committee' });
    } else {
      permit(actor, Action.createActivity, { type: 'group', groupId: body.groupId });
    }
    const group = body.groupId === undefined ? null : await deps.groups.getGroup(body.groupId);
    if (body.groupId !== undefined && group === null) {
      throw ApiError.badRequest(`groupId: no group ${body.groupId}`, 'groupId');
    }
    const inviteeIds = [...new Set(body.inviteeIds ?? group?.memberIds ?? [])] as UserId[];
    const activity: Activity = {
      id: randomUUID(),
      kind: body.kind,
      title: body.title,
      place: body.place,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      groupId: body.groupId ?? null,
      organizerId: actor.id,
      inviteeIds,
      responses: [],
      attendance: [],
      createdAt: deps.now(),
      version: 1,
    };
    await deps.activities.createActivity(activity);
    return c.json(activity, 201);
  });

  api.get('/activities', auth, async (c) => {
    const { actor } = c.get('auth');
    const activities = (await deps.activities.listActivities()).filter((each) => maySeeActivity(actor, each));
    return c.json({ activities }, 200);
  });

  api.get('/activities/:id', auth, async (c) =>
    c.json(await findActivity(deps, c.get('auth').actor, c.req.param('id'))),
  );

  api.post('/activities/:id/response', auth, jsonBody(activityResponseRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const activity = await findActivity(deps, actor, c.req.param('id'));
    const body = c.get('body');
    return c.json(await change(deps, activity.id, (current) => respond(current, actor.id, body, deps.now())), 200);
  });

  api.post('/activities/:id/leave', auth, jsonBody(leaveDecisionRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const activity = await findActivity(deps, actor, c.req.param('id'));
    requireManager(actor, activity);
    const { userId, approve } = c.get('body');
    return c.json(await change(deps, activity.id, (current) => decideLeave(current, userId, approve)), 200);
  });

  api.put('/activities/:id/attendance', auth, jsonBody(attendanceRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const activity = await findActivity(deps, actor, c.req.param('id'));
    requireManager(actor, activity);
    const attended = c.get('body').attendedIds;
    return c.json(await change(deps, activity.id, (current) => recordAttendance(current, attended, deps.now())), 200);
  });

  // The key the organiser's phone signs the check-in codes with, offline (C1).
  api.get('/activities/:id/check-in-key', auth, async (c) => {
    const { actor } = c.get('auth');
    const activity = await findActivity(deps, actor, c.req.param('id'));
    requireManager(actor, activity);
    const key = await activityCheckInKey(await checkInSecret(deps), activity.id);
    return c.json({ key: Buffer.from(key).toString('base64url') }, 200);
  });

  api.post('/activities/:id/check-in', auth, jsonBody(checkInRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const activity = await findActivity(deps, actor, c.req.param('id'));
    const key = await activityCheckInKey(await checkInSecret(deps), activity.id);
    const verdict = await verifyCheckInCode(key, c.get('body').code, checkInWindow(activity));
    if (!verdict.ok) {
      throw new ApiError(ApiErrorCode.badRequest, `code: the check-in code is refused (${verdict.refusal})`, {
        field: 'code',
        reason: verdict.refusal,
      });
    }
    return c.json(await change(deps, activity.id, (current) => checkIn(current, actor.id, verdict.shownAt)), 200);
  });
}
