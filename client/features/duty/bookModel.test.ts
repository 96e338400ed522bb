import { describe, expect, it } from 'vitest';
import { emptyDutyBook } from '../../../shared/domain/dutyBook';
import type { GroupId, Role, UserId } from '../../../shared/index';
import { stateLines, submitBlocker } from './bookModel';
import { hasDutyRecord, managesDuty, reviewsDuty } from './dutyAccess';

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

describe('who sees the duty pages (P21)', () => {
  const person = (role: Role, groupIds: GroupId[] = []) => ({ id: MEMBER, role, groupIds, isActive: true });
  const GROUP = 'g-1' as GroupId;

  it('gives 我的履职 to members and conveners, whose records the server keeps', () => {
    expect(hasDutyRecord(person('member'))).toBe(true);
    expect(hasDutyRecord(person('convener'))).toBe(true);
    expect(hasDutyRecord(person('secretariat'))).toBe(false);
    expect(hasDutyRecord(person('unit'))).toBe(false);
  });

  it('gives 履职考核 to a convener of a group, chairs and the secretariat, and the rules to the secretariat', () => {
    expect(reviewsDuty(person('convener', [GROUP]))).toBe(true);
    expect(reviewsDuty(person('convener'))).toBe(false);
    expect(reviewsDuty(person('chair'))).toBe(true);
    expect(reviewsDuty(person('secretariat'))).toBe(true);
    expect(reviewsDuty(person('member', [GROUP]))).toBe(false);
    expect(reviewsDuty(person('unit'))).toBe(false);
    expect(managesDuty(person('secretariat'))).toBe(true);
    expect(managesDuty(person('chair'))).toBe(false);
  });
});
