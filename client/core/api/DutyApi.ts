import { z } from 'zod';
import {
  committeeDutySchema,
  confirmRequestSchema,
  correctionAnswerRequestSchema,
  correctionInboxSchema,
  correctionRequestSchema,
  dutyYearRequestSchema,
  dutyYearSchema,
  externalFactRequestSchema,
  memberYearSchema,
  reminderRequestSchema,
  returnRequestSchema,
  summaryRequestSchema,
  talkRequestSchema,
  yearRequestSchema,
} from '../../../shared/api/duty';
import type { GroupId, UserId } from '../../../shared/domain/ids';
import type { HttpTransport } from './HttpTransport';

type Body<S extends z.ZodType> = z.input<S>;

/**
 * What a change answers is not read: the pages read the year again after each one, so they
 * show what the server kept (another reviewer's confirmation, a rescored total) and not a guess.
 */
const anyAnswer = z.unknown();

/** A committee view's filters: the year, one group or all, one quarter or the whole year. */
export interface CommitteeDutyQuery {
  readonly year: number;
  readonly groupId: GroupId | null;
  readonly quarter: number | null;
}

/**
 * The duty record's routes (docs/API.md, "Duty record"): the caller's own year (我的履职), a
 * member's year as a convener or the office reads it, the committee's overview, corrections and
 * the office's rules per year. Downloads are plain links: the browser sends the cookie.
 */
export class DutyApi {
  readonly #transport: HttpTransport;

  constructor(transport: HttpTransport) {
    this.#transport = transport;
  }

  /** `GET /api/me/duty`: the caller's year. */
  myYear(year: number) {
    return this.#transport.request({ method: 'GET', path: `/api/me/duty?year=${year}`, answer: memberYearSchema });
  }

  /** `GET /api/duty/members/:userId`: a member's year, for their convener, the office or a chair. */
  memberYear(userId: UserId, year: number) {
    const path = `/api/duty/members/${enc(userId)}?year=${year}`;
    return this.#transport.request({ method: 'GET', path, answer: memberYearSchema });
  }

  async writeSummary(body: Body<typeof summaryRequestSchema>): Promise<void> {
    await this.#send('PUT', '/api/me/duty/summary', summaryRequestSchema, body);
  }

  async submit(body: Body<typeof yearRequestSchema>): Promise<void> {
    await this.#send('POST', '/api/me/duty/submit', yearRequestSchema, body);
  }

  /** A correction request: a fact found wrong, or (factId null) one found missing. */
  async askCorrection(body: Body<typeof correctionRequestSchema>): Promise<void> {
    await this.#send('POST', '/api/me/duty/corrections', correctionRequestSchema, body);
  }

  async confirm(userId: UserId, body: Body<typeof confirmRequestSchema>): Promise<void> {
    await this.#send('POST', `${memberPath(userId)}/confirm`, confirmRequestSchema, body);
  }

  async sendBack(userId: UserId, body: Body<typeof returnRequestSchema>): Promise<void> {
    await this.#send('POST', `${memberPath(userId)}/return`, returnRequestSchema, body);
  }

  /** The office records a fact from outside Jianyan, with its evidence. */
  async addFact(userId: UserId, body: Body<typeof externalFactRequestSchema>): Promise<void> {
    await this.#send('POST', `${memberPath(userId)}/facts`, externalFactRequestSchema, body);
  }

  async removeFact(userId: UserId, factId: string, year: number): Promise<void> {
    const path = `${memberPath(userId)}/facts/${enc(factId)}?year=${year}`;
    await this.#transport.request({ method: 'DELETE', path, answer: anyAnswer });
  }

  /** Records a talk (约谈) held with the member. */
  async recordTalk(userId: UserId, body: Body<typeof talkRequestSchema>): Promise<void> {
    await this.#send('POST', `${memberPath(userId)}/talks`, talkRequestSchema, body);
  }

  async remind(userId: UserId, body: Body<typeof reminderRequestSchema>): Promise<void> {
    await this.#send('POST', `${memberPath(userId)}/reminders`, reminderRequestSchema, body);
  }

  /** `GET /api/duty/corrections`: the requests of a year the caller is to answer. */
  async corrections(year: number) {
    const path = `/api/duty/corrections?year=${year}`;
    return (await this.#transport.request({ method: 'GET', path, answer: correctionInboxSchema })).corrections;
  }

  async answerCorrection(
    userId: UserId,
    correctionId: string,
    body: Body<typeof correctionAnswerRequestSchema>,
  ): Promise<void> {
    const path = `${memberPath(userId)}/corrections/${enc(correctionId)}/answer`;
    await this.#send('POST', path, correctionAnswerRequestSchema, body);
  }

  /** `GET /api/duty/committee`: the members the caller may see, scored and flagged. */
  committee(query: CommitteeDutyQuery) {
    const path = `/api/duty/committee?${committeeQuery(query)}`;
    return this.#transport.request({ method: 'GET', path, answer: committeeDutySchema });
  }

  yearSettings(year: number) {
    return this.#transport.request({ method: 'GET', path: `/api/duty/years/${year}`, answer: dutyYearSchema });
  }

  /** Refused with 409 (`conflict`) when someone saved the year since `version` was read. */
  async saveYearSettings(year: number, body: Body<typeof dutyYearRequestSchema>): Promise<void> {
    await this.#send('PUT', `/api/duty/years/${year}`, dutyYearRequestSchema, body);
  }

  async closeYear(year: number): Promise<void> {
    await this.#transport.request({ method: 'POST', path: `/api/duty/years/${year}/close`, answer: anyAnswer });
  }

  /** Where a member's registration form (.docx) is downloaded: the caller's own when userId is null. */
  formPath(userId: UserId | null, year: number): string {
    return userId === null ? `/api/me/duty/form.docx?year=${year}` : `${memberPath(userId)}/form.docx?year=${year}`;
  }

  /** Where the forms of a year (one group or all) are downloaded as a ZIP. */
  formsZipPath(query: Omit<CommitteeDutyQuery, 'quarter'>): string {
    return `/api/duty/forms.zip?${committeeQuery({ ...query, quarter: null })}`;
  }

  /** Where the year's score sheet (.xlsx) is downloaded. */
  scoresXlsxPath(query: CommitteeDutyQuery): string {
    return `/api/duty/scores.xlsx?${committeeQuery(query)}`;
  }

  #send<S extends z.ZodType>(method: 'POST' | 'PUT', path: string, schema: S, value: Body<S>) {
    return this.#transport.request({ method, path, answer: anyAnswer, json: { schema, value } });
  }
}

function committeeQuery(query: CommitteeDutyQuery): string {
  const params = new URLSearchParams({ year: String(query.year) });
  if (query.groupId !== null) {
    params.set('groupId', query.groupId);
  }
  if (query.quarter !== null) {
    params.set('quarter', String(query.quarter));
  }
  return params.toString();
}

function memberPath(userId: UserId): string {
  return `/api/duty/members/${enc(userId)}`;
}

function enc(part: string): string {
  return encodeURIComponent(part);
}
