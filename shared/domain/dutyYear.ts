import type { DutyLevel, MinimumGap, ScoringRules } from './dutyScoring';
import type { UserId } from './ids';

/**
 * The office's settings of one year of the duty record (docs/RULES.md Y6-Y8): the scoring table
 * it set (from a preset, changed item by item), after how many days without a fact a member is
 * flagged inactive, and, once the year is closed, the results as they stood then. Changing the
 * rules of an open year rescores every member at the next read; a closed year keeps its results.
 */

export const DUTY_PRESETS = ['preset_100', 'preset_120'] as const;
export type DutyPresetName = (typeof DUTY_PRESETS)[number];

export const DEFAULT_INACTIVE_DAYS = 90;

/** One member's result as it stood when the year was closed. */
export interface ClosedResult {
  readonly userId: UserId;
  readonly participation: number;
  readonly results: number;
  readonly total: number;
  readonly level: DutyLevel;
  readonly missing: readonly MinimumGap[];
}

export interface DutyYearSettings {
  readonly year: number;
  readonly rules: ScoringRules;
  /** The preset the rules started from; `custom` once an item was changed. */
  readonly basis: DutyPresetName | 'custom';
  readonly inactiveDays: number;
  readonly closedAt: number | null;
  /** Null while the year is open. */
  readonly closedResults: readonly ClosedResult[] | null;
  /** 0 for a year the office has not set: the 100-point preset applies. */
  readonly version: number;
}
