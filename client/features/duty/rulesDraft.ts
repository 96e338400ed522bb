import type { z } from 'zod';
import { scoringRulesSchema } from '../../../shared/api/duty';
import { RULE_KEYS, type RuleKey } from '../../../shared/domain/dutyScoring';

type Rules = z.infer<typeof scoringRulesSchema>;

/** The rules panel's inputs, as typed: numbers are read only when saving, so a half-typed "-" is not lost. */
export interface RulesDraft {
  readonly items: Readonly<Record<RuleKey, { readonly points: string; readonly cap: string }>>;
  readonly participationCap: string;
  readonly resultsCap: string;
  readonly excellent: string;
  readonly competent: string;
  readonly basic: string;
  readonly plenary: boolean;
  readonly submissions: string;
  readonly fieldActivities: string;
  readonly inactiveDays: string;
}

export function draftOf(rules: Rules, inactiveDays: number): RulesDraft {
  const items = Object.fromEntries(
    RULE_KEYS.map((key) => {
      const item = rules.items[key];
      return [key, { points: String(item.points), cap: item.cap === null ? '' : String(item.cap) }];
    }),
  ) as RulesDraft['items'];
  return {
    items,
    participationCap: String(rules.participationCap),
    resultsCap: String(rules.resultsCap),
    excellent: String(rules.levels.excellent),
    competent: String(rules.levels.competent),
    basic: String(rules.levels.basic),
    plenary: rules.minimum.plenary,
    submissions: String(rules.minimum.submissions),
    fieldActivities: String(rules.minimum.fieldActivities),
    inactiveDays: String(inactiveDays),
  };
}

const INACTIVE_DAYS_MIN = 7;
const INACTIVE_DAYS_MAX = 366;

function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * The draft as the request's rules, checked with the shared schema (the server checks the same);
 * otherwise the names of the inputs to mark ("items.absent.points", "levels", "inactiveDays").
 */
export function rulesOfDraft(
  draft: RulesDraft,
):
  | { readonly ok: true; readonly rules: Rules; readonly inactiveDays: number }
  | { readonly ok: false; readonly invalid: string[] } {
  const items = Object.fromEntries(
    RULE_KEYS.map((key) => {
      const item = draft.items[key];
      return [key, { points: numberOf(item.points), cap: item.cap.trim() === '' ? null : numberOf(item.cap) }];
    }),
  );
  const candidate = {
    items,
    participationCap: numberOf(draft.participationCap),
    resultsCap: numberOf(draft.resultsCap),
    levels: {
      excellent: numberOf(draft.excellent),
      competent: numberOf(draft.competent),
      basic: numberOf(draft.basic),
    },
    minimum: {
      plenary: draft.plenary,
      submissions: numberOf(draft.submissions),
      fieldActivities: numberOf(draft.fieldActivities),
    },
  };
  const parsed = scoringRulesSchema.safeParse(candidate);
  const inactiveDays = numberOf(draft.inactiveDays);
  const invalid = parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
  if (!Number.isInteger(inactiveDays) || inactiveDays < INACTIVE_DAYS_MIN || inactiveDays > INACTIVE_DAYS_MAX) {
    invalid.push('inactiveDays');
  }
  return parsed.success && invalid.length === 0
    ? { ok: true, rules: parsed.data, inactiveDays }
    : { ok: false, invalid };
}

/** Whether an input is among those the last check refused (a level's threshold marks all three). */
export function isInvalid(invalid: readonly string[], path: string): boolean {
  return invalid.some((each) => each === path || (each === 'levels' && path.startsWith('levels.')));
}
