import type { AdoptionLevel } from './adoptions';
import type { UserId } from './ids';

/**
 * The duty record's scoring (履职量化考核, docs/RULES.md Y1-Y5): facts the system built from what
 * happened, a table of points, caps and thresholds the office sets per year, and a score that
 * explains itself line by line, each line naming its facts. Pure, so that a year can be scored
 * again under changed rules and the result checked by hand.
 */

/** What an activity is (the practice's list). */
export const ActivityKind = {
  plenary: 'plenary',
  standing: 'standing',
  consultation: 'consultation',
  inspection: 'inspection',
  research: 'research',
  group: 'group',
  training: 'training',
  themedDay: 'themed_day',
  publicService: 'public_service',
  studio: 'studio',
} as const;
export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind];

/** Where a fact comes from: an activity's attendance, a document's record, or the office by hand (with evidence). */
export interface FactSource {
  readonly type: 'activity' | 'document' | 'manual';
  readonly id: string;
}

interface FactBase {
  readonly id: string;
  readonly userId: UserId;
  readonly at: number;
  readonly source: FactSource;
}

/** One thing a member did, as the system recorded it; never a count typed in. */
export type DutyFact = FactBase &
  (
    | {
        readonly kind: 'attendance';
        readonly activityKind: ActivityKind;
        readonly presence: 'attended' | 'excused' | 'absent';
      }
    | {
        readonly kind: 'proposal';
        readonly role: 'first' | 'cosigner';
        /** The office's decision; `pending` until it decides. */
        readonly outcome: 'filed' | 'not_filed' | 'merged' | 'pending';
        readonly isKey: boolean;
        readonly isExcellent: boolean;
        /** The latest answer's class, once answered. */
        readonly answerClass: 'A' | 'B' | 'C' | null;
      }
    | { readonly kind: 'social_info'; readonly adoptedLevel: AdoptionLevel | null }
    | { readonly kind: 'research_report' }
    | { readonly kind: 'instruction' }
    /** The member's share of a filed document's final text: characters written that survive (L4). */
    | { readonly kind: 'text_share'; readonly chars: number; readonly total: number }
    /** Comments the member wrote on another's document before the office decided on it (L6). */
    | { readonly kind: 'comments'; readonly count: number }
    /** Reviews the member gave a document: reviewed, returned or approved (L6). */
    | { readonly kind: 'reviews'; readonly count: number }
    /** Something done outside Jianyan (a plenary speech, an award), recorded by the office with its points. */
    | { readonly kind: 'external'; readonly points: number; readonly note: string }
  );

/** The items a score is made of, each with its points per fact and its cap. */
export const RULE_KEYS = [
  'attend_plenary',
  'attend_standing',
  'attend_consultation',
  'attend_inspection',
  'attend_research',
  'attend_group',
  'attend_training',
  'attend_themed_day',
  'attend_public_service',
  'attend_studio',
  'excused',
  'absent',
  'proposal_first_filed',
  'proposal_cosigned_filed',
  'proposal_key',
  'proposal_excellent',
  'proposal_answer_ab',
  'social_info_submitted',
  'social_info_city',
  'social_info_province',
  'social_info_national',
  'research_report',
  'instruction',
  'text_share',
  'comments_given',
  'reviews_given',
  'external',
] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

/** Participation counts attendance (and its absences); results count what the work became. */
export function partOf(key: RuleKey): 'participation' | 'results' {
  return key.startsWith('attend_') || key === 'excused' || key === 'absent' ? 'participation' : 'results';
}

export interface RuleItem {
  /**
   * Points per fact; negative for absences. `external` facts carry their own points and ignore
   * this; a `text_share` fact earns this times the share of the text the member wrote.
   */
  readonly points: number;
  /** The most the item adds (or, negative, takes away); null: no cap. */
  readonly cap: number | null;
}

export interface ScoringRules {
  readonly items: { readonly [K in RuleKey]: RuleItem };
  readonly participationCap: number;
  readonly resultsCap: number;
  /** The lowest totals of 优秀, 称职 and 基本称职; below the last, 不称职. */
  readonly levels: { readonly excellent: number; readonly competent: number; readonly basic: number };
  /** The minimum (三个一): the plenary attended, proposals or reports submitted, field activities attended. */
  readonly minimum: { readonly plenary: boolean; readonly submissions: number; readonly fieldActivities: number };
}

export type DutyLevel = 'excellent' | 'competent' | 'basic' | 'unqualified';
export type MinimumGap = 'plenary' | 'submissions' | 'field_activities';

export interface ScoreLine {
  readonly key: RuleKey;
  /** The facts the line counts: every point links to its fact. */
  readonly factIds: readonly string[];
  /** Before the item's cap. */
  readonly raw: number;
  readonly points: number;
}

export interface DutyScore {
  readonly lines: readonly ScoreLine[];
  readonly participation: number;
  readonly results: number;
  readonly total: number;
  readonly level: DutyLevel;
  /** What is still missing for the minimum; a member missing any is at most 基本称职 (Y4). */
  readonly missing: readonly MinimumGap[];
}

const ATTENDANCE_KEYS: { readonly [K in ActivityKind]: RuleKey } = {
  plenary: 'attend_plenary',
  standing: 'attend_standing',
  consultation: 'attend_consultation',
  inspection: 'attend_inspection',
  research: 'attend_research',
  group: 'attend_group',
  training: 'attend_training',
  themed_day: 'attend_themed_day',
  public_service: 'attend_public_service',
  studio: 'attend_studio',
};

/** Y1: the items a fact counts under (one fact may count under several: a filed key proposal answered B). */
export function ruleKeysOf(fact: DutyFact): RuleKey[] {
  switch (fact.kind) {
    case 'attendance':
      return fact.presence === 'attended' ? [ATTENDANCE_KEYS[fact.activityKind]] : [fact.presence];
    case 'proposal': {
      // Only what was filed counts: a proposal written to reach a count earns nothing (重质量).
      if (fact.outcome !== 'filed') {
        return [];
      }
      const keys: RuleKey[] = [fact.role === 'first' ? 'proposal_first_filed' : 'proposal_cosigned_filed'];
      if (fact.role === 'first' && fact.isKey) {
        keys.push('proposal_key');
      }
      if (fact.role === 'first' && fact.isExcellent) {
        keys.push('proposal_excellent');
      }
      if (fact.role === 'first' && (fact.answerClass === 'A' || fact.answerClass === 'B')) {
        keys.push('proposal_answer_ab');
      }
      return keys;
    }
    case 'social_info':
      return fact.adoptedLevel === null
        ? ['social_info_submitted']
        : ['social_info_submitted', `social_info_${fact.adoptedLevel}` as RuleKey];
    case 'research_report':
      return ['research_report'];
    case 'instruction':
      return ['instruction'];
    case 'text_share':
      return fact.chars > 0 ? ['text_share'] : [];
    case 'comments':
      return ['comments_given'];
    case 'reviews':
      return ['reviews_given'];
    case 'external':
      return ['external'];
  }
}

/** What one fact adds to one of its items, before the item's cap. */
function pointsOf(fact: DutyFact, item: RuleItem): number {
  if (fact.kind === 'external') {
    return fact.points;
  }
  if (fact.kind === 'text_share') {
    return fact.total === 0 ? 0 : Math.round((item.points * fact.chars * 10) / fact.total) / 10;
  }
  return item.points;
}

function capped(raw: number, cap: number | null): number {
  if (cap === null) {
    return raw;
  }
  return raw >= 0 ? Math.min(raw, cap) : Math.max(raw, -cap);
}

function levelOf(total: number, rules: ScoringRules): DutyLevel {
  if (total >= rules.levels.excellent) {
    return 'excellent';
  }
  if (total >= rules.levels.competent) {
    return 'competent';
  }
  return total >= rules.levels.basic ? 'basic' : 'unqualified';
}

/** Y4: what the member still lacks of the minimum. */
export function minimumGaps(facts: readonly DutyFact[], rules: ScoringRules): MinimumGap[] {
  const attended = (kinds: readonly ActivityKind[]) =>
    facts.filter((f) => f.kind === 'attendance' && f.presence === 'attended' && kinds.includes(f.activityKind)).length;
  const submissions = facts.filter(
    (f) => (f.kind === 'proposal' && f.role === 'first') || f.kind === 'social_info',
  ).length;
  const gaps: MinimumGap[] = [];
  if (rules.minimum.plenary && attended([ActivityKind.plenary]) === 0) {
    gaps.push('plenary');
  }
  if (submissions < rules.minimum.submissions) {
    gaps.push('submissions');
  }
  if (attended([ActivityKind.inspection, ActivityKind.research]) < rules.minimum.fieldActivities) {
    gaps.push('field_activities');
  }
  return gaps;
}

/**
 * Y1-Y5: one member's year. Each item adds points per fact up to its cap (absences take points
 * away); participation and results are each capped, never below zero; the total gives the level,
 * and a member missing part of the minimum is at most 基本称职.
 */
export function scoreYear(facts: readonly DutyFact[], rules: ScoringRules): DutyScore {
  const byKey = new Map<RuleKey, { factIds: string[]; raw: number }>();
  for (const fact of facts) {
    for (const key of ruleKeysOf(fact)) {
      const line = byKey.get(key) ?? { factIds: [], raw: 0 };
      line.factIds.push(fact.id);
      line.raw = Math.round((line.raw + pointsOf(fact, rules.items[key])) * 10) / 10;
      byKey.set(key, line);
    }
  }
  const lines: ScoreLine[] = RULE_KEYS.flatMap((key) => {
    const line = byKey.get(key);
    return line === undefined
      ? []
      : [{ key, factIds: line.factIds, raw: line.raw, points: capped(line.raw, rules.items[key].cap) }];
  });
  const sum = (part: 'participation' | 'results') =>
    lines.filter((line) => partOf(line.key) === part).reduce((total, line) => total + line.points, 0);
  const participation = Math.max(0, Math.min(rules.participationCap, sum('participation')));
  const results = Math.max(0, Math.min(rules.resultsCap, sum('results')));
  const total = participation + results;
  const missing = minimumGaps(facts, rules);
  const level = levelOf(total, rules);
  const isAboveBasic = level === 'excellent' || level === 'competent';
  return { lines, participation, results, total, level: missing.length > 0 && isAboveBasic ? 'basic' : level, missing };
}
