import type { z } from 'zod';
import { figuresSchema } from '../../../shared/api/figures';
import {
  answerRequestSchema,
  caseAnswerSchema,
  caseListSchema,
  committeeSessionSchema,
  createSessionRequestSchema,
  createUnitRequestSchema,
  handoverRequestSchema,
  keyRequestSchema,
  messageRequestSchema,
  opinionRequestSchema,
  rateRequestSchema,
  reassignRequestSchema,
  respondRequestSchema,
  sessionListSchema,
  unitListSchema,
  unitSchema,
  updateSessionRequestSchema,
  updateUnitRequestSchema,
} from '../../../shared/api/handling';
import type { DocId, SessionId, UnitId } from '../../../shared/domain/ids';
import type { HttpTransport } from './HttpTransport';

type Body<S extends z.ZodType> = z.input<S>;

/** What each handling step takes, as the shared request schemas describe it. */
const STEPS = {
  handover: handoverRequestSchema,
  respond: respondRequestSchema,
  reassign: reassignRequestSchema,
  opinion: opinionRequestSchema,
  answer: answerRequestSchema,
  rating: rateRequestSchema,
  messages: messageRequestSchema,
  key: keyRequestSchema,
} as const;
export type CaseStepName = keyof typeof STEPS;

/**
 * The handling routes of docs/API.md ("After 立案"): units, sessions, the cases of decided
 * proposals and each step on them. Every answer is validated with its shared schema.
 */
export class HandlingApi {
  readonly #transport: HttpTransport;

  constructor(transport: HttpTransport) {
    this.#transport = transport;
  }

  async listUnits() {
    return (await this.#transport.request({ method: 'GET', path: '/api/units', answer: unitListSchema })).units;
  }

  createUnit(name: string) {
    const json = { schema: createUnitRequestSchema, value: { name } };
    return this.#transport.request({ method: 'POST', path: '/api/units', answer: unitSchema, json });
  }

  updateUnit(id: UnitId, change: Body<typeof updateUnitRequestSchema>) {
    const json = { schema: updateUnitRequestSchema, value: change };
    return this.#transport.request({ method: 'PATCH', path: `/api/units/${enc(id)}`, answer: unitSchema, json });
  }

  async listSessions() {
    return (await this.#transport.request({ method: 'GET', path: '/api/sessions', answer: sessionListSchema }))
      .sessions;
  }

  createSession(input: Body<typeof createSessionRequestSchema>) {
    const json = { schema: createSessionRequestSchema, value: input };
    return this.#transport.request({ method: 'POST', path: '/api/sessions', answer: committeeSessionSchema, json });
  }

  updateSession(id: SessionId, change: Body<typeof updateSessionRequestSchema>) {
    const json = { schema: updateSessionRequestSchema, value: change };
    const path = `/api/sessions/${enc(id)}`;
    return this.#transport.request({ method: 'PATCH', path, answer: committeeSessionSchema, json });
  }

  async listCases() {
    return (await this.#transport.request({ method: 'GET', path: '/api/cases', answer: caseListSchema })).cases;
  }

  /** `GET /api/figures`: the annual report's figures of a session, or of all when null. */
  getFigures(sessionId: SessionId | null) {
    const path = sessionId === null ? '/api/figures' : `/api/figures?sessionId=${enc(sessionId)}`;
    return this.#transport.request({ method: 'GET', path, answer: figuresSchema });
  }

  getCase(docId: DocId) {
    return this.#transport.request({ method: 'GET', path: `/api/docs/${enc(docId)}/case`, answer: caseAnswerSchema });
  }

  /** One step on a case (`POST /api/docs/:id/case/<step>`); the case after it. */
  step<N extends CaseStepName>(docId: DocId, name: N, body: Body<(typeof STEPS)[N]>) {
    const json = { schema: STEPS[name], value: body };
    const path = `/api/docs/${enc(docId)}/case/${name}`;
    return this.#transport.request({ method: 'POST', path, answer: caseAnswerSchema, json });
  }

  /** `POST /api/docs/:id/case/remind` (催办). */
  remind(docId: DocId) {
    const path = `/api/docs/${enc(docId)}/case/remind`;
    return this.#transport.request({ method: 'POST', path, answer: caseAnswerSchema });
  }
}

function enc(part: string): string {
  return encodeURIComponent(part);
}
