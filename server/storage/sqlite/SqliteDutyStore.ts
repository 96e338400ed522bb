import type { DutyBook } from '../../../shared/domain/dutyBook';
import type { DocCredit } from '../../../shared/domain/dutyCredits';
import type { DutyYearSettings } from '../../../shared/domain/dutyYear';
import type { DocId } from '../../../shared/domain/ids';
import type { DutySaveOutcome, DutyStore } from '../DutyStore';
import { type CreditRow, type DutyJsonRow, NO_ONE, toBook, toCredit, toYear } from '../rows/dutyRows';
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';

/** The duty record in the shared SQLite file, on a connection of its own; owns `duty_books`, `duty_years`, `doc_credits`. */
export class SqliteDutyStore implements DutyStore {
  readonly #q: SqliteQueries;

  constructor(options: { readonly path: string }) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'duty store');
  }

  getBook(userId: string, year: number): Promise<DutyBook | null> {
    return this.#q.read('read a duty book', () => {
      const row = this.#q.get<DutyJsonRow>(
        "SELECT user_id || '/' || year AS key, data FROM duty_books WHERE user_id = ? AND year = ?",
        userId,
        year,
      );
      return row === undefined ? null : toBook(row);
    });
  }

  listBooks(year: number): Promise<DutyBook[]> {
    return this.#q.read('list duty books', () =>
      this.#q
        .all<DutyJsonRow>(
          "SELECT user_id || '/' || year AS key, data FROM duty_books WHERE year = ? ORDER BY user_id",
          year,
        )
        .map(toBook),
    );
  }

  saveBook(next: DutyBook): Promise<DutySaveOutcome> {
    return this.#q.write('save a duty book', () => {
      const data = JSON.stringify(next);
      const changes =
        next.version === 1
          ? this.#q.run(
              'INSERT INTO duty_books (user_id, year, version, data) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
              next.userId,
              next.year,
              next.version,
              data,
            ).changes
          : this.#q.run(
              'UPDATE duty_books SET version = ?, data = ? WHERE user_id = ? AND year = ? AND version = ?',
              next.version,
              data,
              next.userId,
              next.year,
              next.version - 1,
            ).changes;
      return changes === 1 ? 'saved' : 'conflict';
    });
  }

  getYear(year: number): Promise<DutyYearSettings | null> {
    return this.#q.read('read a duty year', () => {
      const row = this.#q.get<DutyJsonRow>(
        'SELECT CAST(year AS TEXT) AS key, data FROM duty_years WHERE year = ?',
        year,
      );
      return row === undefined ? null : toYear(row);
    });
  }

  saveYear(next: DutyYearSettings): Promise<DutySaveOutcome> {
    return this.#q.write('save a duty year', () => {
      const data = JSON.stringify(next);
      const changes =
        next.version === 1
          ? this.#q.run(
              'INSERT INTO duty_years (year, version, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
              next.year,
              next.version,
              data,
            ).changes
          : this.#q.run(
              'UPDATE duty_years SET version = ?, data = ? WHERE year = ? AND version = ?',
              next.version,
              data,
              next.year,
              next.version - 1,
            ).changes;
      return changes === 1 ? 'saved' : 'conflict';
    });
  }

  putCredits(docId: DocId, credits: readonly DocCredit[]): Promise<void> {
    return this.#q.write('store a document’s credits', () => {
      this.#q.run('DELETE FROM doc_credits WHERE doc_id = ?', docId);
      const rows =
        credits.length === 0 ? [{ userId: NO_ONE, chars: 0, total: 0, comments: 0, reviews: 0, at: 0 }] : credits;
      for (const credit of rows) {
        this.#q.run(
          'INSERT INTO doc_credits (doc_id, user_id, chars, total, comments, reviews, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          docId,
          credit.userId,
          credit.chars,
          credit.total,
          credit.comments,
          credit.reviews,
          credit.at,
        );
      }
    });
  }

  creditedDocIds(): Promise<Set<string>> {
    return this.#q.read('list credited documents', () => {
      const rows = this.#q.all<{ doc_id: string }>('SELECT DISTINCT doc_id FROM doc_credits');
      return new Set(rows.map((row) => row.doc_id));
    });
  }

  listCredits(): Promise<DocCredit[]> {
    return this.#q.read('list document credits', () =>
      this.#q
        .all<CreditRow>(
          "SELECT doc_id, user_id, chars, total, comments, reviews, at FROM doc_credits WHERE user_id <> '' ORDER BY doc_id, user_id",
        )
        .map(toCredit),
    );
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }
}
