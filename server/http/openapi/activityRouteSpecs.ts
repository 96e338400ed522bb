import { z } from 'zod';
import {
  activityListSchema,
  activityResponseRequestSchema,
  activitySchema,
  attendanceRequestSchema,
  checkInKeySchema,
  checkInRequestSchema,
  createActivityRequestSchema,
  leaveDecisionRequestSchema,
} from '../../../shared/api/activities';
import { Access, REFUSED_BY_RULES, type RouteSpec, Tag } from './RouteSpec';

const activityParam = { id: { schema: z.string(), description: "The activity's id" } };
const MANAGER = 'The organiser or the secretariat (RULES.md V2).';
const errors = {
  403: REFUSED_BY_RULES,
  404: 'no activity the caller may see',
  409: 'not now: the message says why',
} as const;

function route(spec: Omit<RouteSpec, 'tag' | 'access'>): RouteSpec {
  return { ...spec, tag: Tag.activities, access: Access.signedIn };
}

/** Activities: meetings, inspections, research and the rest, their answers and attendance (docs/API.md). */
export const ACTIVITY_ROUTES: readonly RouteSpec[] = [
  route({
    method: 'post',
    path: '/api/activities',
    operationId: 'createActivity',
    summary: 'Create an activity of a group (its members invited unless named) or of the committee',
    who: '`create_activity` on the group (secretariat, chairs, its conveners); without a group `manage_committee` (V1).',
    body: { schema: createActivityRequestSchema },
    answers: { 201: { description: 'The activity', schema: activitySchema } },
    errors: { 403: REFUSED_BY_RULES },
  }),
  route({
    method: 'get',
    path: '/api/activities',
    operationId: 'listActivities',
    summary: 'The activities the caller organises or is invited to (all, for the secretariat and chairs)',
    who: 'Anyone signed in.',
    answers: { 200: { description: 'The activities, earliest first', schema: activityListSchema } },
  }),
  route({
    method: 'get',
    path: '/api/activities/{id}',
    operationId: 'getActivity',
    summary: 'One activity with its answers and attendance',
    who: 'Its organiser, its invitees, the secretariat and chairs.',
    params: activityParam,
    answers: { 200: { description: 'The activity', schema: activitySchema } },
    errors,
  }),
  route({
    method: 'post',
    path: '/api/activities/{id}/response',
    operationId: 'answerActivity',
    summary: '参加, or 请假 with a reason (V1)',
    who: 'An invitee, until the activity ends.',
    params: activityParam,
    body: { schema: activityResponseRequestSchema },
    answers: { 200: { description: 'The activity after the answer', schema: activitySchema } },
    errors,
  }),
  route({
    method: 'post',
    path: '/api/activities/{id}/leave',
    operationId: 'decideLeave',
    summary: "Approve or refuse an invitee's leave (V2)",
    who: MANAGER,
    params: activityParam,
    body: { schema: leaveDecisionRequestSchema },
    answers: { 200: { description: 'The activity after the decision', schema: activitySchema } },
    errors,
  }),
  route({
    method: 'put',
    path: '/api/activities/{id}/attendance',
    operationId: 'recordAttendance',
    summary: "The organiser's list: who came; the others excused (approved leave) or absent (V3)",
    who: MANAGER,
    params: activityParam,
    body: { schema: attendanceRequestSchema },
    answers: { 200: { description: 'The activity with its attendance', schema: activitySchema } },
    errors,
  }),
  route({
    method: 'get',
    path: '/api/activities/{id}/check-in-key',
    operationId: 'getCheckInKey',
    summary: "The key the organiser's phone signs the check-in codes with, offline (C1)",
    who: MANAGER,
    params: activityParam,
    answers: { 200: { description: 'The key (base64url)', schema: checkInKeySchema } },
    errors,
  }),
  route({
    method: 'post',
    path: '/api/activities/{id}/check-in',
    operationId: 'checkIn',
    summary: 'Check in with a scanned code, shown during the window, however late it arrives (C1-C3, V4)',
    who: 'An invitee.',
    params: activityParam,
    body: { schema: checkInRequestSchema },
    answers: { 200: { description: 'The activity with the caller attended', schema: activitySchema } },
    errors: { ...errors, 400: 'the code is malformed, forged, of another activity or outside the window' },
  }),
];
