import type { DutyBook } from '../../shared/domain/dutyBook';
import type { DocCredit } from '../../shared/domain/dutyCredits';
import type { DutyYearSettings } from '../../shared/domain/dutyYear';
import type { DocId } from '../../shared/domain/ids';

/** What saving a changed book or year did: stored, or another change came first. */
export type DutySaveOutcome = 'saved' | 'conflict';

/**
 * The duty record's own writing (docs/RULES.md B1-B7, Y6-Y8): each member's book of a year and
 * the office's settings of a year, stored whole with a version that every change bumps (version
 * 1 creates the row); and the credits of each decided document (L4, L6), written once the text
 * is frozen. Adapters: SQLite (the embedded default) and PostgreSQL, one contract suite.
 */
export interface DutyStore {
  getBook(userId: string, year: number): Promise<DutyBook | null>;
  /** Every stored book of the year. */
  listBooks(year: number): Promise<DutyBook[]>;
  /** Saves a book when the stored one is at `next.version - 1` (none for version 1). */
  saveBook(next: DutyBook): Promise<DutySaveOutcome>;
  getYear(year: number): Promise<DutyYearSettings | null>;
  saveYear(next: DutyYearSettings): Promise<DutySaveOutcome>;
  /** Replaces the credits of one document (an empty list marks it read, with no one credited). */
  putCredits(docId: DocId, credits: readonly DocCredit[]): Promise<void>;
  /** The documents whose credits were written. */
  creditedDocIds(): Promise<Set<string>>;
  listCredits(): Promise<DocCredit[]>;
  close(): Promise<void>;
}
