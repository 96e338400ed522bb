import { scoreYear } from '../../shared/domain/dutyScoring';
import type { ClosedResult, DutyYearSettings } from '../../shared/domain/dutyYear';
import type { UserRecord } from '../storage/AccountStore';
import { keepsDutyRecord } from './committeeDuty';
import type { YearLedger } from './ledger';

/**
 * Y8: the results of a year as they stand when the office closes it, kept from then on: a rule
 * changed later, or a fact recorded late, no longer changes a closed year's results.
 */
export function closedResults(
  ledger: YearLedger,
  settings: DutyYearSettings,
  people: readonly UserRecord[],
): ClosedResult[] {
  return people.filter(keepsDutyRecord).map((member) => {
    const score = scoreYear(
      ledger.facts.filter((fact) => fact.userId === member.id),
      settings.rules,
    );
    return {
      userId: member.id,
      participation: score.participation,
      results: score.results,
      total: score.total,
      level: score.level,
      missing: score.missing,
    };
  });
}
