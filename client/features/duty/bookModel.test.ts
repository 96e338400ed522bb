import { describe, expect, it } from 'vitest';
import { emptyDutyBook } from '../../../shared/domain/dutyBook';
import type { UserId } from '../../../shared/index';
import { stateLines, submitBlocker } from './bookModel';
import { hasDutyRecord, reviewsDuty } from './dutyAccess';

const MEMBER = 'u-member' as UserId;
const CONVENER = 'u-convener' as UserId;

describe('submitBlocker', () => {
  it('asks for a summary, then for it to be saved, before 提交 (B1)', () => {
    expect(submitBlocker({ summary: '  ', isDirty: false, isWritable: true })).toBe('needsSummary');
    expect(submitBlocker({ summary: '本年度参加调研三次。', isDirty: true, isWritable: true })).toBe('needsSave');
    expect(submitBlocker({ summary: '本年度参加调研三次。', isDirty: false, isWritable: true })).toBeNull();
  });

  it('has nothing to say about a form the reader cannot submit', () => {
    expect(submitBlocker({ summary: '', isDirty: false, isWritable: false })).toBeNull();
  });
});

describe('stateLines', () => {
  it('lists the submission and each confirmation in order (B2)', () => {
    const book = {
      ...emptyDutyBook(MEMBER, 2026),
      state: 'convener_confirmed' as const,
      submittedAt: 10,
      convenerConfirmation: { by: CONVENER, at: 20 },
    };
    expect(stateLines(book)).toEqual([
      { key: 'submittedAt', by: null, at: 10 },
      { key: 'convenerBy', by: CONVENER, at: 20 },
    ]);
  });

  it('shows nothing for a draft, even one submitted before and sent back', () => {
    const returned = { ...emptyDutyBook(MEMBER, 2026), submittedAt: 10, returnNote: '请补充' };
    expect(stateLines(returned)).toEqual([]);
  });
});

describe('who sees the duty pages', () => {
  it('gives every member 我的履职 but a handling unit none', () => {
    expect(hasDutyRecord({ role: 'member' })).toBe(true);
    expect(hasDutyRecord({ role: 'secretariat' })).toBe(true);
    expect(hasDutyRecord({ role: 'unit' })).toBe(false);
  });

  it('gives 履职考核 to conveners, chairs and the secretariat only', () => {
    expect(reviewsDuty({ role: 'convener' })).toBe(true);
    expect(reviewsDuty({ role: 'chair' })).toBe(true);
    expect(reviewsDuty({ role: 'secretariat' })).toBe(true);
    expect(reviewsDuty({ role: 'member' })).toBe(false);
    expect(reviewsDuty({ role: 'unit' })).toBe(false);
  });
});
