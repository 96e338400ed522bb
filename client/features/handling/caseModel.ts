import type { CaseAnswer, Unit } from '../../../shared/api/handling';
import type { Person } from '../../../shared/api/schemas';
import {
  type AnswerClass,
  type Assignment,
  currentAnswer,
  formatCaseNumber,
  type HandlingCase,
} from '../../../shared/domain/handling';
import { COMMITTEE_TIME_ZONE } from '../../../shared/index';

/** What the handling pages read of a case, derived once: names, the current answers, the number. */
export interface CaseRow {
  readonly assignment: Assignment;
  readonly unitName: string;
  readonly answerText: string | null;
  readonly answerClass: AnswerClass | null;
  /** When the current round's answer was given. */
  readonly answerAt: number | null;
  /** The uploaded reply letter of the current answer; null when it has none (RULES.md AT4). */
  readonly answerAttachmentId: string | null;
  readonly opinion: string | null;
}

export function unitNameOf(units: readonly Unit[], unitId: string): string {
  return units.find((unit) => unit.id === unitId)?.name ?? '—';
}

export function personNameOf(people: readonly Person[], userId: string): string {
  return people.find((person) => person.id === userId)?.name ?? '—';
}

export function caseRows(stored: HandlingCase, units: readonly Unit[]): CaseRow[] {
  return stored.assignments.map((assignment) => {
    const answer = currentAnswer(stored, assignment.id);
    const opinion = assignment.opinions.find((each) => each.round === stored.round) ?? null;
    return {
      assignment,
      unitName: unitNameOf(units, assignment.unitId),
      answerText: answer?.text ?? null,
      answerClass: answer?.answerClass ?? null,
      answerAt: answer?.at ?? null,
      answerAttachmentId: answer?.attachmentId ?? null,
      opinion: opinion?.text ?? null,
    };
  });
}

/** "第0012号", or null before a number. */
export function numberText(stored: HandlingCase): string | null {
  return stored.number === null ? null : formatCaseNumber(stored.number);
}

/** A date in the committee's calendar: 2027年3月4日. */
export function dateText(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: COMMITTEE_TIME_ZONE }).format(ms);
}

/** The date input's value (yyyy-mm-dd) for a time, in the committee's calendar. */
export function dateInputValue(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: COMMITTEE_TIME_ZONE }).format(ms);
}

/** The end of a date input's day (yyyy-mm-dd) in the committee's calendar (UTC+8), as ms. */
export function endOfDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) {
    return null;
  }
  const [, year, month, day] = match;
  return Date.UTC(Number(year), Number(month) - 1, Number(day), 23 - 8, 59, 59);
}

/** Sorts cases the way the office reads them: by number, unnumbered last. */
export function byNumber(a: CaseAnswer, b: CaseAnswer): number {
  return (a.case.number ?? Number.MAX_SAFE_INTEGER) - (b.case.number ?? Number.MAX_SAFE_INTEGER);
}
