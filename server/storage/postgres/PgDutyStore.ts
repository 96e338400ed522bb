import type { DutyBook } from '../../../shared/domain/dutyBook';
import type { DocCredit } from '../../../shared/domain/dutyCredits';
import type { DutyYearSettings } from '../../../shared/domain/dutyYear';
import type { DocId } from '../../../shared/domain/ids';
import type { DutySaveOutcome, DutyStore } from '../DutyStore';
import { type CreditRow, type DutyJsonRow, NO_ONE, toBook, toCredit, toYear } from '../rows/dutyRows';
import { PgDatabase } from './PgDatabase';

/** The duty record on PostgreSQL; owns `duty_books`, `duty_years`, `doc_credits`. Writes take the records' advisory lock. */
export class PgDutyStore implements DutyStore {
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  static async open(options: { readonly url: string; readonly schema?: string; readonly maxConnections?: number }) {
    return new PgDutyStore(
      await PgDatabase.open({
        url: options.url,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
        ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
        name: 'duty store',
      }),
    );
  }

  getBook(userId: string, year: number): Promise<DutyBook | null> {
    return this.#db.read('read a duty book', async (q) => {
      const row = await q.get<DutyJsonRow>(
        "SELECT user_id || '/' || year AS key, data FROM duty_books WHERE user_id = $1 AND year = $2",
        userId,
        year,
      );
      return row === undefined ? null : toBook(row);
    });
  }

  listBooks(year: number): Promise<DutyBook[]> {
    return this.#db.read('list duty books', async (q) =>
      (
        await q.all<DutyJsonRow>(
          `SELECT user_id || '/' || year AS key, data FROM duty_books WHERE year = $1 ORDER BY user_id COLLATE "C"`,
          year,
        )
      ).map(toBook),
    );
  }

  saveBook(next: DutyBook): Promise<DutySaveOutcome> {
    return this.#db.write('save a duty book', async (q) => {
      const data = JSON.stringify(next);
      const changes =
        next.version === 1
          ? await q.run(
              'INSERT INTO duty_books (user_id, year, version, data) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
              next.userId,
              next.year,
              next.version,
              data,
            )
          : await q.run(
              'UPDATE duty_books SET version = $1, data = $2 WHERE user_id = $3 AND year = $4 AND version = $5',
              next.version,
              data,
              next.userId,
              next.year,
              next.version - 1,
            );
      return changes === 1 ? 'saved' : 'conflict';
    });
  }

  getYear(year: number): Promise<DutyYearSettings | null> {
    return this.#db.read('read a duty year', async (q) => {
      const row = await q.get<DutyJsonRow>('SELECT year::text AS key, data FROM duty_years WHERE year = $1', year);
      return row === undefined ? null : toYear(row);
    });
  }

  saveYear(next: DutyYearSettings): Promise<DutySaveOutcome> {
    return this.#db.write('save a duty year', async (q) => {
      const data = JSON.stringify(next);
      const changes =
        next.version === 1
          ? await q.run(
              'INSERT INTO duty_years (year, version, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
              next.year,
              next.version,
              data,
            )
          : await q.run(
              'UPDATE duty_years SET version = $1, data = $2 WHERE year = $3 AND version = $4',
              next.version,
              data,
              next.year,
              next.version - 1,
            );
      return changes === 1 ? 'saved' : 'conflict';
    });
  }

  putCredits(docId: DocId, credits: readonly DocCredit[]): Promise<void> {
    return this.#db.write('store a document’s credits', async (q) => {
      await q.run('DELETE FROM doc_credits WHERE doc_id = $1', docId);
      const rows =
        credits.length === 0 ? [{ userId: NO_ONE, chars: 0, total: 0, comments: 0, reviews: 0, at: 0 }] : credits;
      for (const credit of rows) {
        await q.run(
          'INSERT INTO doc_credits (doc_id, user_id, chars, total, comments, reviews, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
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
    return this.#db.read('list credited documents', async (q) => {
      const rows = await q.all<{ doc_id: string }>('SELECT DISTINCT doc_id FROM doc_credits');
      return new Set(rows.map((row) => row.doc_id));
    });
  }

  listCredits(): Promise<DocCredit[]> {
    return this.#db.read('list document credits', async (q) =>
      (
        await q.all<CreditRow>(
          `SELECT doc_id, user_id, chars, total, comments, reviews, at FROM doc_credits WHERE user_id <> '' ORDER BY doc_id COLLATE "C", user_id COLLATE "C"`,
        )
      ).map(toCredit),
    );
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
