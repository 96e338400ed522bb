import type { CommitteeDutyAnswer, DutyFlag } from '../../shared/api/duty';
import type { Group } from '../../shared/api/schemas';
import { type DutyFact, type DutyScore, scoreYear } from '../../shared/domain/dutyScoring';
import type { DutyYearSettings } from '../../shared/domain/dutyYear';
import { Action, type Actor, COMMITTEE_TIME_ZONE, can, type GroupId, Role } from '../../shared/index';
import type { UserRecord } from '../storage/AccountStore';
import { type YearLedger, yearStartOf } from './ledger';

const DAY_MS = 24 * 60 * 60 * 1000;
const monthFormat = new Intl.DateTimeFormat('en', { timeZone: COMMITTEE_TIME_ZONE, month: 'numeric' });

/** The month (1-12) of a moment in the committee's calendar. */
export function committeeMonth(at: number): number {
  return Number(monthFormat.format(at));
}

/** Whose duty record is kept: the committee's members and conveners (P21). */
export function keepsDutyRecord(person: UserRecord): boolean {
  return person.isActive && (person.role === Role.member || person.role === Role.convener);
}

/** The members whose records `actor` may read (P21): everyone for the office and chairs, else their groups'. */
export function visibleMembers(actor: Actor, people: readonly UserRecord[]): UserRecord[] {
  const all = can(actor, Action.viewCommitteeDuty, { type: 'committee' });
  return people.filter(
    (person) =>
      keepsDutyRecord(person) &&
      (all || person.groupIds.some((groupId) => can(actor, Action.viewDutyRecords, { type: 'group', groupId }))),
  );
}

function isSubmission(fact: DutyFact): boolean {
  return (
    (fact.kind === 'proposal' && fact.role === 'first') ||
    fact.kind === 'social_info' ||
    fact.kind === 'research_report'
  );
}

function countsOf(facts: readonly DutyFact[]): CommitteeDutyAnswer['rows'][number]['counts'] {
  const presence = (which: 'attended' | 'excused' | 'absent') =>
    facts.filter((fact) => fact.kind === 'attendance' && fact.presence === which).length;
  const proposals = facts.filter((fact) => fact.kind === 'proposal' && fact.role === 'first');
  return {
    attended: presence('attended'),
    excused: presence('excused'),
    absent: presence('absent'),
    proposals: proposals.length,
    filed: proposals.filter((fact) => fact.kind === 'proposal' && fact.outcome === 'filed').length,
    reports: facts.filter((fact) => fact.kind === 'social_info' || fact.kind === 'research_report').length,
  };
}

export interface CommitteeDutyInput {
  readonly ledger: YearLedger;
  readonly settings: DutyYearSettings;
  readonly members: readonly UserRecord[];
  readonly groups: readonly Group[];
  readonly quarter: number | null;
  readonly now: number;
  /** The members 不称职 in the year before, as kept when it was closed (F2). */
  readonly unqualifiedBefore?: ReadonlySet<string>;
}

/**
 * Y6-Y8, F1-F3: the committee's view of a year (or a quarter of it): each member scored under the
 * year's rules (the kept result once the year is closed), flagged when below the minimum, inactive
 * for the year's number of days, or 不称职; the participation by month and the figures per group.
 */
export function committeeDuty(input: CommitteeDutyInput): CommitteeDutyAnswer {
  const { ledger, settings, quarter } = input;
  const months =
    quarter === null ? [...Array(12).keys()].map((i) => i + 1) : [0, 1, 2].map((i) => (quarter - 1) * 3 + i + 1);
  const monthOf = new Map(ledger.facts.map((fact) => [fact, committeeMonth(fact.at)]));
  const inPeriod = ledger.facts.filter((fact) => months.includes(monthOf.get(fact) ?? 0));
  const byMember = new Map<string, DutyFact[]>();
  for (const fact of inPeriod) {
    const facts = byMember.get(fact.userId);
    if (facts === undefined) {
      byMember.set(fact.userId, [fact]);
    } else {
      facts.push(fact);
    }
  }
  // Being absent or excused is not taking part: the last fact of a member is the last thing they did.
  const lastFact = new Map<string, number>();
  for (const fact of ledger.facts.filter((each) => each.kind !== 'attendance' || each.presence === 'attended')) {
    lastFact.set(fact.userId, Math.max(lastFact.get(fact.userId) ?? 0, fact.at));
  }
  const inactiveSince = input.now - settings.inactiveDays * DAY_MS;
  const rows = input.members.map((member) => {
    const facts = byMember.get(member.id) ?? [];
    const kept = quarter === null ? settings.closedResults?.find((result) => result.userId === member.id) : undefined;
    const score: Pick<DutyScore, 'participation' | 'results' | 'total' | 'level' | 'missing'> =
      kept ?? scoreYear(facts, settings.rules);
    const lastFactAt = lastFact.get(member.id) ?? null;
    const isInactive = (lastFactAt ?? Math.max(yearStartOf(ledger.year), member.createdAt)) < inactiveSince;
    const flags: DutyFlag[] = [
      ...(quarter === null && score.missing.length > 0 ? ['below_minimum' as const] : []),
      ...(isInactive ? ['inactive' as const] : []),
      ...(quarter === null && score.level === 'unqualified' ? ['unqualified' as const] : []),
      ...(quarter === null && score.level === 'unqualified' && input.unqualifiedBefore?.has(member.id) === true
        ? ['unqualified_again' as const]
        : []),
    ];
    const book = ledger.books.get(member.id);
    return {
      userId: member.id,
      name: member.name,
      groupIds: [...member.groupIds],
      participation: score.participation,
      results: score.results,
      total: score.total,
      level: score.level,
      missing: [...score.missing],
      lastFactAt,
      flags,
      state: book?.state ?? 'draft',
      talks: book?.talks.length ?? 0,
      reminders: book?.reminders.length ?? 0,
      counts: countsOf(facts),
    };
  });
  const memberIds = new Set(input.members.map((member) => member.id));
  const seen = inPeriod.filter((fact) => memberIds.has(fact.userId));
  const byMonth = months.map((month) => {
    const facts = seen.filter((fact) => monthOf.get(fact) === month);
    return {
      month,
      attended: facts.filter((fact) => fact.kind === 'attendance' && fact.presence === 'attended').length,
      submissions: facts.filter(isSubmission).length,
    };
  });
  const groupIds = new Set<GroupId>(input.members.flatMap((member) => member.groupIds));
  const byGroup = input.groups
    .filter((group) => groupIds.has(group.id))
    .map((group) => {
      const inGroup = rows.filter((row) => row.groupIds.includes(group.id));
      const totals = inGroup.reduce((sum, row) => sum + row.total, 0);
      return {
        groupId: group.id,
        name: group.name,
        members: inGroup.length,
        averageTotal: inGroup.length === 0 ? 0 : Math.round((totals * 10) / inGroup.length) / 10,
        proposals: inGroup.reduce((sum, row) => sum + row.counts.proposals, 0),
        filed: inGroup.reduce((sum, row) => sum + row.counts.filed, 0),
        belowMinimum: inGroup.filter((row) => row.flags.includes('below_minimum')).length,
      };
    });
  return {
    year: ledger.year,
    quarter,
    closed: settings.closedAt !== null,
    inactiveDays: settings.inactiveDays,
    rows,
    byMonth,
    byGroup,
  };
}
