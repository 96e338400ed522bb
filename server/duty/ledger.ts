import { attendanceFacts } from '../../shared/domain/activities';
import type { AdoptionRecord } from '../../shared/domain/adoptions';
import { type DutyBook, externalLedgerFacts } from '../../shared/domain/dutyBook';
import { creditFacts } from '../../shared/domain/dutyCredits';
import { documentFacts } from '../../shared/domain/dutyFacts';
import type { DutyFact } from '../../shared/domain/dutyScoring';
import { COMMITTEE_TIME_ZONE, DocKind, DocStatus } from '../../shared/index';
import type { ActivityStore } from '../storage/ActivityStore';
import type { AttachmentStore } from '../storage/AttachmentStore';
import type { DocRecordStore } from '../storage/DocRecordStore';
import type { DutyStore } from '../storage/DutyStore';
import type { HandlingStore } from '../storage/HandlingStore';
import { type DocCreditsDeps, ensureDocCredits } from './docCredits';

export interface LedgerDeps extends DocCreditsDeps {
  readonly records: Pick<DocRecordStore, 'listDocuments'>;
  readonly handling: Pick<HandlingStore, 'listCases'>;
  readonly attachments: Pick<AttachmentStore, 'listAdoptions'>;
  readonly activities: Pick<ActivityStore, 'listActivities'>;
  readonly duty: DocCreditsDeps['duty'] & Pick<DutyStore, 'listCredits' | 'listBooks'>;
}

/** The ledger of one year: every member's facts, the title of each source, and the stored books. */
export interface YearLedger {
  readonly year: number;
  /** Oldest first. */
  readonly facts: readonly DutyFact[];
  /** The title of each fact's source, by source id. */
  readonly titles: ReadonlyMap<string, string>;
  readonly books: ReadonlyMap<string, DutyBook>;
}

const yearFormat = new Intl.DateTimeFormat('en', { timeZone: COMMITTEE_TIME_ZONE, year: 'numeric' });

/** The year of a moment in the committee's calendar. */
export function committeeYear(at: number): number {
  return Number(yearFormat.format(at));
}

/** The first moment of a year in the committee's calendar: its 1 January at midnight there. */
export function yearStartOf(year: number): number {
  // Midnight there is some hour of the UTC day before or of the day itself: the offset of that moment.
  const utcMidnight = Date.UTC(year, 0, 1);
  for (let hours = -14; hours <= 14; hours += 1) {
    const candidate = utcMidnight - hours * 60 * 60 * 1000;
    if (committeeYear(candidate) === year && committeeYear(candidate - 1) === year - 1) {
      return candidate;
    }
  }
  throw new Error(`Cannot find where ${year} begins in ${COMMITTEE_TIME_ZONE}`);
}

const SUBMITTED_REPORT: readonly DocStatus[] = [DocStatus.inReview, DocStatus.approved, DocStatus.filed];

/** The ledgers being built, by store and year: requests that arrive meanwhile share the build. */
const building = new WeakMap<object, Map<number, Promise<YearLedger>>>();

/**
 * L1-L6, B3: the year's ledger, built anew from what is stored: the documents' facts, the
 * activities' attendance, the credits of decided documents (read once each, the first time
 * they are needed) and the external facts of the books. Nothing of it is typed in as a count.
 * A request that arrives while the same year is being built waits for that build rather than
 * starting another (a page asks for its view and its inbox at once); nothing is kept after it.
 */
export function yearLedger(deps: LedgerDeps, year: number): Promise<YearLedger> {
  const byYear = building.get(deps.records) ?? new Map<number, Promise<YearLedger>>();
  building.set(deps.records, byYear);
  const current = byYear.get(year);
  if (current !== undefined) {
    return current;
  }
  const build = buildLedger(deps, year).finally(() => byYear.delete(year));
  byYear.set(year, build);
  return build;
}

async function buildLedger(deps: LedgerDeps, year: number): Promise<YearLedger> {
  const [records, cases, activities, books] = await Promise.all([
    deps.records.listDocuments(),
    deps.handling.listCases(),
    deps.activities.listActivities(),
    deps.duty.listBooks(year),
  ]);
  await ensureDocCredits(deps, records);
  const reports = records.filter(
    (record) =>
      (record.kind === DocKind.socialInfo || record.kind === DocKind.researchReport) &&
      SUBMITTED_REPORT.includes(record.status),
  );
  const adoptions: AdoptionRecord[] = [];
  for (const record of reports) {
    adoptions.push(...(await deps.attachments.listAdoptions(record.id)));
  }
  const credits = await deps.duty.listCredits();
  const [from, to] = [yearStartOf(year), yearStartOf(year + 1)];
  const facts = [
    ...documentFacts({ records, cases, adoptions }),
    ...activities.flatMap(attendanceFacts),
    ...creditFacts(credits, new Map(records.map((record) => [record.id, record]))),
    ...books.flatMap(externalLedgerFacts),
  ]
    .filter((fact) => fact.at >= from && fact.at < to)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const titles = new Map<string, string>([
    ...records.map((record) => [record.id, record.title] as const),
    ...activities.map((activity) => [activity.id, activity.title] as const),
    ...books.flatMap((book) => book.externalFacts.map((fact) => [fact.id, fact.note] as const)),
  ]);
  return { year, facts, titles, books: new Map(books.map((book) => [book.userId, book])) };
}
