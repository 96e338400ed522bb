import { describe, expect, it } from 'vitest';
import { dateInputValue, endOfDay } from './caseModel';

describe('dates in the committee’s calendar', () => {
  it('ends a chosen day at 23:59:59 in Beijing, and shows a time as that day', () => {
    const end = endOfDay('2027-03-04');
    expect(end).toBe(Date.UTC(2027, 2, 4, 15, 59, 59));
    expect(dateInputValue(end ?? 0)).toBe('2027-03-04');
    // 1 a.m. in Beijing is still the previous day in UTC.
    expect(dateInputValue(Date.UTC(2027, 2, 3, 17, 0, 0))).toBe('2027-03-04');
    expect(endOfDay('2027-3-4')).toBeNull();
  });
});
