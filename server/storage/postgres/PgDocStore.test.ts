import pg from 'pg';
import { describe } from 'vitest';
import type { DocId, UserId } from '../../../shared/index';
import { describeDocStoreContract } from '../docStoreContract';
import { quoteIdentifier } from './PgDatabase';
import { PgDocStore } from './PgDocStore';
import { newTestSchema, TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PostgreSQL', () => {
  describeDocStoreContract('PgDocStore', async () => {
    const schema = newTestSchema();
    const store = await PgDocStore.open({ url: schema.url, schema: schema.schema, maxConnections: 2 });
    // A second connection plays the HTTP API's part, as in the SQLite adapter's test.
    const api = new pg.Client({ connectionString: schema.url });
    await api.connect();
    await api.query(`SET search_path TO ${quoteIdentifier(schema.schema)}`);
    return {
      store,
      registerDocument: async (id: DocId) => {
        const now = Date.now();
        await api.query(
          `INSERT INTO documents (id, title, kind, updated_at, status, created_at) VALUES ($1, '', 'proposal', $2, 'draft', $3)`,
          [id, now, now],
        );
      },
      readDocument: async (id: DocId) => {
        const record = await api.query<{ title: string; updated_at: string; updated_by: string | null }>(
          'SELECT title, updated_at, updated_by FROM documents WHERE id = $1',
          [id],
        );
        const row = record.rows[0];
        if (row === undefined) {
          return null;
        }
        const authors = await api.query<{ user_id: string; first_at: string }>(
          'SELECT user_id, first_at FROM doc_authors WHERE doc_id = $1 ORDER BY first_at, user_id',
          [id],
        );
        return {
          title: row.title,
          updatedAt: Number(row.updated_at),
          updatedBy: row.updated_by as UserId | null,
          authors: authors.rows.map((author) => ({
            userId: author.user_id as UserId,
            firstAt: Number(author.first_at),
          })),
        };
      },
      dispose: async () => {
        await api.end();
        await schema.drop();
      },
    };
  });
});
