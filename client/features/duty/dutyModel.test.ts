import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESET_100 } from '../../../shared/domain/dutyPresets';
import type { UserId } from '../../../shared/index';
import { en } from '../../app/i18n/en';
import { zhCN } from '../../app/i18n/zh-CN';
import {
  committeeMonth,
  daysSince,
  type FactAnswer,
  factHref,
  factLabel,
  factsByMonth,
  factTitle,
  flagText,
  missingTexts,
  monthName,
  pointsText,
  yearChoices,
} from './dutyModel';

async function tOf(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const MEMBER = 'u0000000-0000-4000-8000-000000000001' as UserId;
const DAY_MS = 86_400_000;

function fact(id: string, at: number, rest: Record<string, unknown>): FactAnswer {
  const source = rest.kind === 'attendance' ? { type: 'activity', id: `a-${id}` } : { type: 'document', id: `d-${id}` };
  return { id, userId: MEMBER, at, source, ...rest } as FactAnswer;
}

let zh: TFunction;
let english: TFunction;
beforeAll(async () => {
  zh = await tOf('zh-CN');
  english = await tOf('en');
});

describe('factsByMonth', () => {
  it('groups facts by month of the committee calendar, the latest month first and each month oldest first', () => {
    const march = fact('m', Date.UTC(2026, 2, 10), { kind: 'research_report' });
    const januaryLate = fact('j2', Date.UTC(2026, 0, 20), { kind: 'instruction' });
    const januaryEarly = fact('j1', Date.UTC(2026, 0, 2), { kind: 'instruction' });
    const months = factsByMonth([march, januaryLate, januaryEarly]);
    expect(months.map((month) => month.month)).toEqual([3, 1]);
    expect(months[1]?.facts.map((each) => each.id)).toEqual(['j1', 'j2']);
  });

  it('puts a fact of 31 January 17:00 UTC in February, as Beijing time reads it', () => {
    const at = Date.UTC(2026, 0, 31, 17);
    expect(committeeMonth(at)).toEqual({ year: 2026, month: 2 });
    expect(factsByMonth([fact('f', at, { kind: 'research_report' })])[0]?.month).toBe(2);
  });

  it('names months in the language of the reader', () => {
    expect(monthName(10, 'zh-CN')).toBe('10月');
    expect(monthName(10, 'en')).toBe('October');
    expect(monthName(1, 'en', 'short')).toBe('Jan');
  });

  it('gives no month for no fact', () => {
    expect(factsByMonth([])).toEqual([]);
  });
});

describe('factLabel', () => {
  it('words an attendance by its presence and the activity kind', () => {
    const at = Date.UTC(2026, 0, 5);
    expect(factLabel(fact('a', at, { kind: 'attendance', activityKind: 'plenary', presence: 'attended' }), zh)).toBe(
      '参加全体会议',
    );
    expect(factLabel(fact('b', at, { kind: 'attendance', activityKind: 'research', presence: 'excused' }), zh)).toBe(
      '请假（调研）',
    );
    expect(factLabel(fact('c', at, { kind: 'attendance', activityKind: 'new_kind', presence: 'absent' }), zh)).toBe(
      '缺席活动',
    );
  });

  it('words a proposal with its role, the decision, 重点 and the answer class', () => {
    const proposal = fact('p', 0, {
      kind: 'proposal',
      role: 'first',
      outcome: 'filed',
      isKey: true,
      isExcellent: false,
      answerClass: 'A',
    });
    expect(factLabel(proposal, zh)).toBe('提案（第一提案人） · 已立案 · 重点提案 · 答复 A 类');
    const cosigned = fact('q', 0, { kind: 'proposal', role: 'cosigner', outcome: 'pending', answerClass: null });
    expect(factLabel(cosigned, zh)).toBe('联名提案 · 待立案');
    expect(factLabel(cosigned, english)).toBe('Co-signed proposal · awaiting decision');
  });

  it('words reports, shares, comments and external facts', () => {
    expect(factLabel(fact('s', 0, { kind: 'social_info', adoptedLevel: 'province' }), zh)).toBe(
      '社情民意信息 · 被省级采用',
    );
    expect(factLabel(fact('s2', 0, { kind: 'social_info', adoptedLevel: null }), zh)).toBe('社情民意信息');
    expect(factLabel(fact('t', 0, { kind: 'text_share', chars: 300, total: 1000 }), zh)).toBe('执笔 30% 的文字');
    expect(factLabel(fact('c', 0, { kind: 'comments', count: 4 }), zh)).toBe('评论 4 条');
    expect(factLabel(fact('e', 0, { kind: 'external', points: 5, note: '大会发言' }), zh)).toBe('办公室补录（5 分）');
  });
});

describe('factHref and factTitle', () => {
  it('links a document to /d/ and an activity to /activities/, and a manual fact nowhere', () => {
    expect(factHref(fact('d', 0, { kind: 'research_report' }))).toBe('/d/d-d');
    expect(factHref(fact('a', 0, { kind: 'attendance', activityKind: 'group', presence: 'attended' }))).toBe(
      '/activities/a-a',
    );
    const manual = { ...fact('m', 0, { kind: 'external', points: 1 }), source: { type: 'manual', id: 'x' } };
    expect(factHref(manual as FactAnswer)).toBeNull();
  });

  it('reads the title by source id, with a placeholder when there is none', () => {
    const report = fact('d', 0, { kind: 'research_report' });
    expect(factTitle(report, { 'd-d': '关于乡村振兴的调研' }, zh)).toBe('关于乡村振兴的调研');
    expect(factTitle(report, {}, zh)).toBe('（无标题）');
  });
});

describe('missingTexts and flagText', () => {
  it('says what is missing of the minimum with the counts of the rules (Y4)', () => {
    expect(missingTexts(['plenary', 'submissions', 'field_activities'], PRESET_100.minimum, zh)).toEqual([
      '出席一次全体会议',
      '以第一提案人提交 1 件提案或社情民意信息',
      '参加 1 次视察或调研活动',
    ]);
  });

  it('words each flag, counting the days since the last fact', () => {
    const now = Date.UTC(2026, 5, 1);
    expect(flagText('below_minimum', null, now, zh)).toBe('未达“三个一”');
    expect(flagText('unqualified', null, now, zh)).toBe('不称职');
    expect(flagText('unqualified_again', null, now, zh)).toBe('连续两年不称职');
    expect(flagText('inactive', now - 120 * DAY_MS, now, zh)).toBe('长期未履职 120 天');
    expect(flagText('inactive', null, now, zh)).toBe('全年未履职');
    expect(flagText('inactive', now - 95 * DAY_MS, now, english)).toBe('Inactive for 95 days');
  });

  it('counts whole days and never below zero', () => {
    expect(daysSince(1000, 1000 + DAY_MS - 1)).toBe(0);
    expect(daysSince(2000, 1000)).toBe(0);
    expect(daysSince(null, 1000)).toBeNull();
  });
});

describe('pointsText and yearChoices', () => {
  it('shows whole points bare and others with one decimal', () => {
    expect(pointsText(12)).toBe('12');
    expect(pointsText(2.5)).toBe('2.5');
  });

  it('offers the committee year and the four before, newest first', () => {
    expect(yearChoices(Date.UTC(2026, 11, 31, 17))).toEqual([2027, 2026, 2025, 2024, 2023]);
  });
});
