import { PRESET_100, PRESET_120 } from '../../shared/domain/dutyPresets';
import type { ScoringRules } from '../../shared/domain/dutyScoring';
import { DEFAULT_INACTIVE_DAYS, type DutyPresetName, type DutyYearSettings } from '../../shared/domain/dutyYear';
import type { DutyStore } from '../storage/DutyStore';

export const PRESETS: { readonly [P in DutyPresetName]: ScoringRules } = {
  preset_100: PRESET_100,
  preset_120: PRESET_120,
};

/** Y6: the year's settings as stored, or the 100-point preset for a year the office has not set. */
export async function yearSettings(duty: Pick<DutyStore, 'getYear'>, year: number): Promise<DutyYearSettings> {
  return (
    (await duty.getYear(year)) ?? {
      year,
      rules: PRESET_100,
      basis: 'preset_100',
      inactiveDays: DEFAULT_INACTIVE_DAYS,
      closedAt: null,
      closedResults: null,
      version: 0,
    }
  );
}
