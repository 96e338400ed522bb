import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { type DocId, type RoomName, roomNameOf, type UserId } from '../../../shared/index';
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

  it('numbers each room consecutively when two processes append to the same rooms at once', async () => {
    const schema = newTestSchema();
    const stores = [
      await PgDocStore.open({ url: schema.url, schema: schema.schema, maxConnections: 4 }),
      await PgDocStore.open({ url: schema.url, schema: schema.schema, maxConnections: 4 }),
    ];
    try {
      const rooms = [0, 1, 2].map(() => roomNameOf(crypto.randomUUID() as DocId));
      const write = (store: PgDocStore, batch: number) =>
        store.write({
          updates: rooms.flatMap((room: RoomName, index) =>
            Array.from({ length: 1 + ((batch + index) % 3) }, (_, n) => ({
              room,
              update: new Uint8Array([batch, index, n]),
            })),
          ),
          documents: [],
          authors: [],
        });
      await Promise.all(Array.from({ length: 40 }, (_, batch) => write(stores[batch % 2] as PgDocStore, batch)));
      for (const [index, room] of rooms.entries()) {
        const stored = await (stores[0] as PgDocStore).load(room);
        const expected = Array.from({ length: 40 }, (_, batch) => 1 + ((batch + index) % 3)).reduce((a, b) => a + b);
        expect(stored.map((entry) => entry.seq)).toEqual(Array.from({ length: expected }, (_, n) => n + 1));
        // Each batch's updates of a room stay together and in order.
        const batches = stored.map((entry) => entry.update[0]);
        const runs = batches.filter((batch, n) => n === 0 || batches[n - 1] !== batch);
        expect(new Set(runs).size).toBe(runs.length);
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()));
      await schema.drop();
    }
  });
});
