import { describe, expect, it } from 'vitest';
import {
  addExternalFact,
  answerCorrection,
  askCorrection,
  confirmForm,
  type DutyBook,
  type DutyBookChange,
  emptyDutyBook,
  externalLedgerFacts,
  removeExternalFact,
  returnForm,
  submitForm,
  writeSummary,
} from './dutyBook';
import type { UserId } from './ids';

const LI = 'li' as UserId;
const CONVENER = 'convener' as UserId;
const OFFICE = 'office' as UserId;

function next(change: DutyBookChange): DutyBook {
  if (!change.ok) {
    throw new Error(change.refusal);
  }
  return change.next;
}

const submitted = next(submitForm(next(writeSummary(emptyDutyBook(LI, 2026), '全年履职情况')), 100));

describe('the duty book (B1-B5)', () => {
  it('B1: submits only a draft with a summary, and then the summary stays as submitted', () => {
    expect(submitForm(emptyDutyBook(LI, 2026), 1)).toEqual({ ok: false, refusal: 'summary_needed' });
    expect(submitted).toMatchObject({ state: 'submitted', submittedAt: 100, version: 2 });
    expect(writeSummary(submitted, '改')).toEqual({ ok: false, refusal: 'not_draft' });
    expect(submitForm(submitted, 2)).toEqual({ ok: false, refusal: 'not_draft' });
  });

  it('B2: the convener confirms first, then the office; without a convener step the office at once', () => {
    const office = { by: OFFICE, at: 300 };
    expect(confirmForm(submitted, 'office', office, true)).toEqual({ ok: false, refusal: 'convener_first' });
    expect(confirmForm(emptyDutyBook(LI, 2026), 'convener', { by: CONVENER, at: 1 }, true)).toEqual({
      ok: false,
      refusal: 'not_submitted',
    });
    const byConvener = next(confirmForm(submitted, 'convener', { by: CONVENER, at: 200 }, true));
    expect(confirmForm(byConvener, 'convener', { by: CONVENER, at: 201 }, true)).toEqual({
      ok: false,
      refusal: 'not_confirmable',
    });
    expect(next(confirmForm(byConvener, 'office', office, true))).toMatchObject({
      state: 'confirmed',
      convenerConfirmation: { by: CONVENER, at: 200 },
      officeConfirmation: office,
    });
    expect(next(confirmForm(submitted, 'office', office, false)).state).toBe('confirmed');
  });

  it('B2: a form sent back is a draft again, its confirmations gone; a confirmed one is not sent back', () => {
    const byConvener = next(confirmForm(submitted, 'convener', { by: CONVENER, at: 200 }, true));
    expect(next(returnForm(byConvener, '请补充'))).toMatchObject({
      state: 'draft',
      returnNote: '请补充',
      convenerConfirmation: null,
    });
    const confirmed = next(confirmForm(byConvener, 'office', { by: OFFICE, at: 3 }, true));
    expect(returnForm(confirmed, '晚了')).toEqual({ ok: false, refusal: 'not_confirmable' });
    expect(returnForm(emptyDutyBook(LI, 2026), '无')).toEqual({ ok: false, refusal: 'not_submitted' });
  });

  it('B3: external facts become ledger facts with their points, and can be removed', () => {
    const fact = {
      id: 'f1',
      at: 50,
      points: 3,
      note: '大会发言',
      evidence: '发言稿',
      recordedBy: OFFICE,
      recordedAt: 60,
    };
    const withFact = next(addExternalFact(emptyDutyBook(LI, 2026), fact));
    expect(externalLedgerFacts(withFact)).toEqual([
      {
        id: 'external:f1',
        userId: LI,
        at: 50,
        source: { type: 'manual', id: 'f1' },
        kind: 'external',
        points: 3,
        note: '大会发言',
      },
    ]);
    expect(next(removeExternalFact(withFact, 'f1')).externalFacts).toEqual([]);
    expect(removeExternalFact(withFact, 'nope')).toEqual({ ok: false, refusal: 'no_such_fact' });
  });

  it('B4: a correction is answered once, by its recorder or the office', () => {
    const request = { id: 'c1', factId: 'a:li', message: '我参加了', recorderId: CONVENER, askedAt: 1, answer: null };
    const asked = next(askCorrection(emptyDutyBook(LI, 2026), request));
    const answer = { accepted: true, text: '已更正', by: 'someone' as UserId, at: 2 };
    expect(answerCorrection(asked, 'c1', answer, false)).toEqual({ ok: false, refusal: 'not_recorder' });
    expect(answerCorrection(asked, 'c2', answer, true)).toEqual({ ok: false, refusal: 'no_such_correction' });
    const answered = next(answerCorrection(asked, 'c1', { ...answer, by: CONVENER }, false));
    expect(answered.corrections[0]?.answer).toMatchObject({ accepted: true, by: CONVENER });
    expect(answerCorrection(answered, 'c1', answer, true)).toEqual({ ok: false, refusal: 'answered' });
  });
});
