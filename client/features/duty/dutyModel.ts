import type { TFunction } from 'i18next';
import type { DutyFlag, MemberYearAnswer } from '../../../shared/api/duty';
import { ActivityKind } from '../../../shared/domain/dutyScoring';
import { COMMITTEE_TIME_ZONE } from '../../../shared/index';

/** One fact as the server sent it: its kind's own fields are read one by one, checked, never cast. */
export type FactAnswer = MemberYearAnswer['facts'][number];
export type DutyLevelName = MemberYearAnswer['score']['level'];
export type MinimumGapName = MemberYearAnswer['score']['missing'][number];

const DAY_MS = 86_400_000;

const monthParts = new Intl.DateTimeFormat('en-US', {
  timeZone: COMMITTEE_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
});

/** The year and month (1-12) of a moment in the committee's calendar, whatever the device's zone. */
export function committeeMonth(ms: number): { readonly year: number; readonly month: number } {
  const parts = monthParts.formatToParts(ms);
  const read = (type: 'year' | 'month') => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: read('year'), month: read('month') };
}

/**
 * A month's name in the reader's language: "10月" (as the dates read, not 十月), "October"
 * (`short`: "Oct", for a chart's axis).
 */
export function monthName(month: number, locale: string, width: 'long' | 'short' = 'long'): string {
  const style = locale.startsWith('zh') ? 'short' : width;
  return new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 15));
}

/** The committee's current year (a member's record is by calendar year in the committee's time zone). */
export function currentCommitteeYear(now: number): number {
  return committeeMonth(now).year;
}

/** The years a picker offers: this one and the four before it, newest first. */
export function yearChoices(now: number): number[] {
  const year = currentCommitteeYear(now);
  return [0, 1, 2, 3, 4].map((back) => year - back);
}

export interface MonthOfFacts {
  readonly month: number;
  readonly facts: readonly FactAnswer[];
}

/** The timeline: the facts by month in the committee's calendar, the latest month first, oldest fact first within one. */
export function factsByMonth(facts: readonly FactAnswer[]): MonthOfFacts[] {
  const months = new Map<number, FactAnswer[]>();
  for (const fact of [...facts].sort((a, b) => a.at - b.at)) {
    const { month } = committeeMonth(fact.at);
    const list = months.get(month) ?? [];
    list.push(fact);
    months.set(month, list);
  }
  return [...months.entries()].sort(([a], [b]) => b - a).map(([month, list]) => ({ month, facts: list }));
}

function field(fact: FactAnswer, name: string): unknown {
  return (fact as Record<string, unknown>)[name];
}

function text(fact: FactAnswer, name: string): string | null {
  const value = field(fact, name);
  return typeof value === 'string' ? value : null;
}

function count(fact: FactAnswer, name: string): number | null {
  const value = field(fact, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const ACTIVITY_KINDS: readonly ActivityKind[] = Object.values(ActivityKind);
type ActivityKindName = ActivityKind;

function isActivityKind(value: string | null): value is ActivityKindName {
  return ACTIVITY_KINDS.some((kind) => kind === value);
}

function activityKindText(fact: FactAnswer, t: TFunction): string {
  const kind = text(fact, 'activityKind');
  return isActivityKind(kind) ? t(`duty.activityKind.${kind}`) : t('duty.activityKind.other');
}

function proposalLabel(fact: FactAnswer, t: TFunction): string {
  const parts = [text(fact, 'role') === 'first' ? t('duty.fact.proposalFirst') : t('duty.fact.proposalCosigned')];
  const outcome = text(fact, 'outcome');
  if (outcome === 'filed' || outcome === 'not_filed' || outcome === 'merged' || outcome === 'pending') {
    parts.push(t(`duty.outcome.${outcome}`));
  }
  if (field(fact, 'isKey') === true) {
    parts.push(t('duty.fact.key'));
  }
  if (field(fact, 'isExcellent') === true) {
    parts.push(t('duty.fact.excellent'));
  }
  const answerClass = text(fact, 'answerClass');
  if (answerClass !== null) {
    parts.push(t('duty.fact.answerClass', { answerClass }));
  }
  return parts.join(' · ');
}

/** What a fact is, in words: "出席全体会议", "提案（第一提案人） · 已立案 · 重点提案", "社情民意信息 · 被省级采用". */
export function factLabel(fact: FactAnswer, t: TFunction): string {
  switch (fact.kind) {
    case 'attendance': {
      const presence = text(fact, 'presence');
      const key = presence === 'excused' || presence === 'absent' ? presence : 'attended';
      return t(`duty.fact.${key}`, { kind: activityKindText(fact, t) });
    }
    case 'proposal':
      return proposalLabel(fact, t);
    case 'social_info': {
      const level = text(fact, 'adoptedLevel');
      return level === 'city' || level === 'province' || level === 'national'
        ? `${t('duty.fact.socialInfo')} · ${t(`duty.adopted.${level}`)}`
        : t('duty.fact.socialInfo');
    }
    case 'research_report':
      return t('duty.fact.researchReport');
    case 'instruction':
      return t('duty.fact.instruction');
    case 'text_share': {
      const chars = count(fact, 'chars') ?? 0;
      const total = count(fact, 'total') ?? 0;
      return t('duty.fact.textShare', { percent: total === 0 ? 0 : Math.round((chars * 100) / total) });
    }
    case 'comments':
      return t('duty.fact.comments', { count: count(fact, 'count') ?? 0 });
    case 'reviews':
      return t('duty.fact.reviews', { count: count(fact, 'count') ?? 0 });
    case 'external':
      return t('duty.fact.external', { points: count(fact, 'points') ?? 0 });
  }
}

/** Where the fact came from: its document or its activity; null for what the office recorded by hand. */
export function factHref(fact: FactAnswer): string | null {
  switch (fact.source.type) {
    case 'document':
      return `/d/${encodeURIComponent(fact.source.id)}`;
    case 'activity':
      return `/activities/${encodeURIComponent(fact.source.id)}`;
    case 'manual':
      return null;
  }
}

/** The title of the fact's source (the activity's, the document's, the office's note). */
export function factTitle(fact: FactAnswer, titles: Readonly<Record<string, string>>, t: TFunction): string {
  const title = titles[fact.source.id];
  return title === undefined || title.trim() === '' ? t('duty.fact.untitled') : title;
}

/** What the member still lacks of the minimum (三个一), in plain words. */
export function missingTexts(
  missing: readonly MinimumGapName[],
  minimum: MemberYearAnswer['rules']['minimum'],
  t: TFunction,
): string[] {
  const texts: Readonly<Record<MinimumGapName, string>> = {
    plenary: t('duty.missing.plenary'),
    submissions: t('duty.missing.submissions', { count: minimum.submissions }),
    field_activities: t('duty.missing.fieldActivities', { count: minimum.fieldActivities }),
  };
  return missing.map((gap) => texts[gap]);
}

/** How many whole days have passed since the member's last fact; null when they have none. */
export function daysSince(lastFactAt: number | null, now: number): number | null {
  return lastFactAt === null ? null : Math.max(0, Math.floor((now - lastFactAt) / DAY_MS));
}

const FLAG_KEYS = {
  below_minimum: 'belowMinimum',
  unqualified: 'unqualified',
  unqualified_again: 'unqualifiedAgain',
} as const;

/** A committee row's flag as a badge's text: "未达“三个一”", "长期未履职 120 天", "不称职", "连续两年不称职". */
export function flagText(flag: DutyFlag, lastFactAt: number | null, now: number, t: TFunction): string {
  if (flag !== 'inactive') {
    return t(`duty.committee.flag.${FLAG_KEYS[flag]}`);
  }
  const days = daysSince(lastFactAt, now);
  return days === null ? t('duty.committee.flag.neverActive') : t('duty.committee.flag.inactive', { count: days });
}

/** A score as it reads on a card: whole numbers bare, halves with one decimal. */
export function pointsText(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}
