import type { z } from 'zod';
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
import type { UserId } from '../../../shared/domain/ids';
import type { HttpTransport } from './HttpTransport';

type Body<S extends z.ZodType> = z.input<S>;

/**
 * The activity routes of docs/API.md ("Activities", RULES.md V1-V5, C1-C3): meetings and the
 * other activities of the duty record, answers to them, leave, the organiser's list and
 * check-in by code. Every answer is validated with its shared schema.
 */
export class ActivityApi {
  readonly #transport: HttpTransport;

  constructor(transport: HttpTransport) {
    this.#transport = transport;
  }

  /** The activities the caller organises, is invited to, or sees as secretariat or chair. */
  async list() {
    return (await this.#transport.request({ method: 'GET', path: '/api/activities', answer: activityListSchema }))
      .activities;
  }

  create(input: Body<typeof createActivityRequestSchema>) {
    const json = { schema: createActivityRequestSchema, value: input };
    return this.#transport.request({ method: 'POST', path: '/api/activities', answer: activitySchema, json });
  }

  /** 参加, or 请假 with a reason (V1). */
  respond(id: string, answer: Body<typeof activityResponseRequestSchema>) {
    const json = { schema: activityResponseRequestSchema, value: answer };
    const path = `/api/activities/${enc(id)}/response`;
    return this.#transport.request({ method: 'POST', path, answer: activitySchema, json });
  }

  /** The organiser approves or refuses a leave request (V2). */
  decideLeave(id: string, userId: UserId, approve: boolean) {
    const json = { schema: leaveDecisionRequestSchema, value: { userId, approve } };
    const path = `/api/activities/${enc(id)}/leave`;
    return this.#transport.request({ method: 'POST', path, answer: activitySchema, json });
  }

  /** The organiser's list: who came (V3). */
  putAttendance(id: string, attendedIds: readonly UserId[]) {
    const json = { schema: attendanceRequestSchema, value: { attendedIds: [...attendedIds] } };
    const path = `/api/activities/${enc(id)}/attendance`;
    return this.#transport.request({ method: 'PUT', path, answer: activitySchema, json });
  }

  /** The key the organiser's phone signs check-in codes with, offline (C1); base64url. */
  async checkInKey(id: string) {
    const path = `/api/activities/${enc(id)}/check-in-key`;
    return (await this.#transport.request({ method: 'GET', path, answer: checkInKeySchema })).key;
  }

  /** Checks the caller in with a scanned code (V4, C1-C3). */
  checkIn(id: string, code: string) {
    const json = { schema: checkInRequestSchema, value: { code } };
    const path = `/api/activities/${enc(id)}/check-in`;
    return this.#transport.request({ method: 'POST', path, answer: activitySchema, json });
  }
}

function enc(part: string): string {
  return encodeURIComponent(part);
}
