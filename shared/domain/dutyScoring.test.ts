import { describe, expect, it } from 'vitest';
import { PRESET_100, PRESET_120 } from './dutyPresets';
import { type ActivityKind, type DutyFact, scoreYear } from './dutyScoring';
import type { UserId } from './ids';

/**
 * Four members' years, scored under both presets. Every expected figure below was worked out by
 * hand from the presets' tables (docs/RULES.md Y1-Y5), not computed by the code under test.
 */

let next = 0;
function fact(userId: string, body: Record<string, unknown>): DutyFact {
  next += 1;
  return {
    id: `f${next}`,
    userId: userId as UserId,
    at: next,
    source: { type: 'activity', id: `s${next}` },
    ...body,
  } as DutyFact;
}

const attended = (userId: string, activityKind: ActivityKind, times = 1) =>
  Array.from({ length: times }, () => fact(userId, { kind: 'attendance', activityKind, presence: 'attended' }));
const missed = (userId: string, presence: 'excused' | 'absent', times = 1) =>
  Array.from({ length: times }, () => fact(userId, { kind: 'attendance', activityKind: 'group', presence }));
const proposal = (userId: string, body: Record<string, unknown>) =>
  fact(userId, {
    kind: 'proposal',
    role: 'first',
    outcome: 'filed',
    isKey: false,
    isExcellent: false,
    answerClass: null,
    ...body,
  });

/** Active all year: caps reached in group activities, one absence excused. */
const A = [
  ...attended('a', 'plenary'),
  ...attended('a', 'standing', 2),
  ...attended('a', 'inspection'),
  ...attended('a', 'research'),
  ...attended('a', 'group', 5),
  ...missed('a', 'excused'),
  proposal('a', { isKey: true, answerClass: 'B' }),
  proposal('a', { role: 'cosigner' }),
  fact('a', { kind: 'social_info', adoptedLevel: 'province' }),
];
/** Came to the plenary, missed two group meetings without leave, wrote two proposals nobody filed. */
const B = [
  ...attended('b', 'plenary'),
  ...attended('b', 'group'),
  ...missed('b', 'absent', 2),
  proposal('b', { outcome: 'not_filed' }),
  proposal('b', { outcome: 'not_filed' }),
];
/** Missed the plenary; one research trip, a report the city adopted, a speech recorded by the office. */
const C = [
  ...attended('c', 'research'),
  fact('c', { kind: 'social_info', adoptedLevel: 'city' }),
  fact('c', { kind: 'external', points: 5, note: '全会大会发言', source: { type: 'manual', id: 'm1' } }),
];
/** Very active, but never at the plenary: the minimum holds them at 基本称职. */
const D = [
  ...attended('d', 'standing', 3),
  ...attended('d', 'inspection', 3),
  ...attended('d', 'research', 3),
  ...attended('d', 'consultation', 3),
  ...attended('d', 'group', 4),
  proposal('d', { isKey: true, answerClass: 'A' }),
  proposal('d', { isKey: true, answerClass: 'B' }),
];

describe('scoring a year (Y1-Y5), worked by hand', () => {
  it('under the 100-point preset', () => {
    expect(scoreYear(A, PRESET_100)).toMatchObject({
      participation: 43,
      results: 24,
      total: 67,
      level: 'competent',
      missing: [],
    });
    expect(scoreYear(B, PRESET_100)).toMatchObject({
      participation: 3,
      results: 0,
      total: 3,
      level: 'unqualified',
      missing: ['field_activities'],
    });
    expect(scoreYear(C, PRESET_100)).toMatchObject({
      participation: 6,
      results: 9,
      total: 15,
      level: 'unqualified',
      missing: ['plenary'],
    });
    expect(scoreYear(D, PRESET_100)).toMatchObject({
      participation: 70,
      results: 28,
      total: 98,
      level: 'basic',
      missing: ['plenary'],
    });
  });

  it('under the 120-point preset', () => {
    expect(scoreYear(A, PRESET_120)).toMatchObject({ participation: 54, results: 32, total: 86, level: 'competent' });
    expect(scoreYear(B, PRESET_120)).toMatchObject({ participation: 4, results: 0, total: 4, level: 'unqualified' });
    expect(scoreYear(C, PRESET_120)).toMatchObject({ participation: 8, results: 11, total: 19, level: 'unqualified' });
    expect(scoreYear(D, PRESET_120)).toMatchObject({ participation: 80, results: 36, total: 116, level: 'basic' });
  });

  it('explains every point by its facts, and shows what a cap held back', () => {
    const score = scoreYear(A, PRESET_100);
    const group = score.lines.find((line) => line.key === 'attend_group');
    expect(group).toEqual({ key: 'attend_group', factIds: A.slice(5, 10).map((f) => f.id), raw: 15, points: 12 });
    const province = score.lines.find((line) => line.key === 'social_info_province');
    expect(province?.factIds).toEqual([A.at(-1)?.id]);
    // A proposal that was not filed counts for nothing: no line names B's proposals.
    expect(scoreYear(B, PRESET_100).lines.map((line) => line.key)).toEqual([
      'attend_plenary',
      'attend_group',
      'absent',
    ]);
  });
});
