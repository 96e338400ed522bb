import { type DutyBook, type DutyBookChange, type DutyBookRefusal, emptyDutyBook } from '../../shared/domain/dutyBook';
import type { UserId } from '../../shared/index';
import { ReviewError } from '../review/ReviewError';
import type { DutyStore } from '../storage/DutyStore';
import { yearSettings } from './dutyYears';

const REFUSALS: { readonly [R in DutyBookRefusal]: string } = {
  not_draft: 'the form is submitted: it can change again once it is sent back',
  summary_needed: 'write the personal summary (个人总结) before submitting',
  not_submitted: 'the form is not submitted yet',
  convener_first: 'the group’s convener confirms the form first',
  not_confirmable: 'the form is not waiting for this confirmation',
  no_such_fact: 'there is no such external fact',
  no_such_correction: 'there is no such correction request',
  answered: 'the correction request was answered already',
  not_recorder: 'only whoever recorded the fact (or the office) answers the request',
  closed_year: 'the year is closed: its record is kept as it was',
};

export function bookRefusal(refusal: DutyBookRefusal): ReviewError {
  const status =
    refusal === 'no_such_fact' || refusal === 'no_such_correction'
      ? 'not_found'
      : refusal === 'not_recorder'
        ? 'forbidden'
        : 'conflict';
  return new ReviewError(status, `Cannot change the duty record: ${REFUSALS[refusal]}`);
}

/**
 * Applies a change to a member's book of a year, again from a fresh read when another change
 * came first. `whenClosed: 'refuse'` refuses any change to a closed year (Y8).
 */
export async function changeBook(
  duty: Pick<DutyStore, 'getBook' | 'saveBook' | 'getYear'>,
  userId: UserId,
  year: number,
  apply: (current: DutyBook) => DutyBookChange,
  whenClosed: 'refuse' | 'allow' = 'refuse',
): Promise<DutyBook> {
  if (whenClosed === 'refuse' && (await yearSettings(duty, year)).closedAt !== null) {
    throw bookRefusal('closed_year');
  }
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = (await duty.getBook(userId, year)) ?? emptyDutyBook(userId, year);
    const change = apply(current);
    if (!change.ok) {
      throw bookRefusal(change.refusal);
    }
    if ((await duty.saveBook(change.next)) === 'saved') {
      return change.next;
    }
  }
  throw new ReviewError('conflict', 'The duty record changed too often meanwhile: try again');
}
