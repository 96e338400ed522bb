import type { MemberYearAnswer } from '../../shared/api/duty';
import type { Group } from '../../shared/api/schemas';
import { type DutyBook, emptyDutyBook } from '../../shared/domain/dutyBook';
import { type DutyFact, type DutyScore, type ScoringRules, scoreYear } from '../../shared/domain/dutyScoring';
import type { ClosedResult, DutyYearSettings } from '../../shared/domain/dutyYear';
import { Action, type Actor, can, Role, type UserId } from '../../shared/index';
import type { UserRecord } from '../storage/AccountStore';
import type { DutyStore } from '../storage/DutyStore';
import type { GroupStore } from '../storage/GroupStore';
import { yearSettings } from './dutyYears';
import { type LedgerDeps, type YearLedger, yearLedger } from './ledger';

export interface MemberYearDeps extends LedgerDeps {
  readonly groups: Pick<GroupStore, 'listGroups'>;
  readonly duty: LedgerDeps['duty'] & Pick<DutyStore, 'getYear'>;
}

/** One member's year as the server builds it; `memberYearSchema` checks it on the way in. */
export interface MemberYear {
  readonly year: number;
  readonly member: { readonly id: UserId; readonly name: string; readonly groupNames: readonly string[] };
  readonly facts: readonly DutyFact[];
  readonly titles: Readonly<Record<string, string>>;
  readonly score: DutyScore;
  readonly rules: ScoringRules;
  readonly closedResult: ClosedResult | null;
  readonly book: DutyBook;
  readonly may: MemberYearAnswer['may'];
}

/** Whether the member has a convener to confirm their form first: one in a group of theirs, not themselves (B2). */
export function hasConvenerStep(member: UserRecord, people: readonly UserRecord[]): boolean {
  return people.some(
    (person) =>
      person.id !== member.id &&
      person.isActive &&
      person.role === Role.convener &&
      person.groupIds.some((groupId) => member.groupIds.includes(groupId)),
  );
}

/** What `actor` may do with `member`'s year (P21); the routes check each again. */
export function mayOnYear(actor: Actor, member: UserRecord, isClosed: boolean): MemberYearAnswer['may'] {
  const own = actor.id === member.id;
  const inGroup = (action: 'view_duty_records' | 'confirm_duty_form') =>
    member.groupIds.some((groupId) => can(actor, action, { type: 'group', groupId }));
  const office = can(actor, Action.manageDuty, { type: 'committee' });
  return {
    write: own && !isClosed,
    confirmAsConvener: !own && !isClosed && inGroup(Action.confirmDutyForm),
    confirmAsOffice: office && !isClosed,
    recordFacts: office && !isClosed,
    talk:
      !own &&
      (office || inGroup(Action.viewDutyRecords) || can(actor, Action.viewCommitteeDuty, { type: 'committee' })),
  };
}

/** What scoring any member's year reads: the ledger, the year's settings and the groups, read once. */
export interface YearContext {
  readonly ledger: YearLedger;
  readonly settings: DutyYearSettings;
  readonly groups: readonly Group[];
  /** The members 不称职 in the year before, as kept when it was closed: twice running, the committee talks to them (F2). */
  readonly unqualifiedBefore: ReadonlySet<string>;
}

export async function yearContext(deps: MemberYearDeps, year: number): Promise<YearContext> {
  const [ledger, settings, groups, before] = await Promise.all([
    yearLedger(deps, year),
    yearSettings(deps.duty, year),
    deps.groups.listGroups(),
    deps.duty.getYear(year - 1),
  ]);
  const unqualifiedBefore = new Set(
    (before?.closedResults ?? []).filter((result) => result.level === 'unqualified').map((result) => result.userId),
  );
  return { ledger, settings, groups, unqualifiedBefore };
}

/**
 * One member's year (我的履职, RULES.md L1-L6, Y1-Y8, B1-B5): the ledger's facts of the member,
 * each source's title, the score under the year's rules, the result kept when the year was
 * closed, the book, and what the caller may do.
 */
export function memberYearIn(context: YearContext, actor: Actor, member: UserRecord): MemberYear {
  const { ledger, settings, groups } = context;
  const facts = ledger.facts.filter((fact) => fact.userId === member.id);
  const titles: Record<string, string> = {};
  for (const fact of facts) {
    titles[fact.source.id] = ledger.titles.get(fact.source.id) ?? '';
  }
  const isClosed = settings.closedAt !== null;
  return {
    year: ledger.year,
    member: {
      id: member.id,
      name: member.name,
      groupNames: groups.filter((group) => member.groupIds.includes(group.id)).map((group) => group.name),
    },
    facts,
    titles,
    score: scoreYear(facts, settings.rules),
    rules: settings.rules,
    closedResult: settings.closedResults?.find((result) => result.userId === member.id) ?? null,
    book: ledger.books.get(member.id) ?? emptyDutyBook(member.id as UserId, ledger.year),
    may: mayOnYear(actor, member, isClosed),
  };
}

export async function memberYear(
  deps: MemberYearDeps,
  actor: Actor,
  member: UserRecord,
  year: number,
): Promise<MemberYear> {
  return memberYearIn(await yearContext(deps, year), actor, member);
}
