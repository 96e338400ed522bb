import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DocStore } from '../../server/storage/DocStore';
import type { DocId } from '../../shared/index';
import { createBenchDatabase } from './benchServices';

/** Which database a document store of the in-process scenarios writes to. */
export const StoreBackend = {
  /** `SqliteDocStore` on a fresh file in a temp dir. */
  sqlite: 'sqlite',
  /** `PgDocStore` on a fresh database of the bench's PostgreSQL server. */
  postgres: 'postgres',
} as const;
export type StoreBackend = (typeof StoreBackend)[keyof typeof StoreBackend];

/** A real document store on an empty database of the bench's own. */
export interface BenchDocStore {
  readonly store: DocStore;
  /** Creates the documents' records, as the HTTP API does before anyone may open them. */
  register(docIds: readonly DocId[]): Promise<void>;
  /** Bytes the database takes on disk now. */
  sizeBytes(): Promise<number>;
  /** Closes the store and deletes the database. */
  dispose(): Promise<void>;
}

const INSERT_DOCUMENT_SQLITE = `INSERT OR IGNORE INTO documents (id, title, kind, updated_at, status, created_at)
  VALUES (?, '', 'proposal', ?, 'draft', ?)`;
const INSERT_DOCUMENTS_PG = `INSERT INTO documents (id, title, kind, updated_at, status, created_at)
  SELECT id, '', 'proposal', $2, 'draft', $2 FROM unnest($1::text[]) AS id ON CONFLICT (id) DO NOTHING`;

async function openSqlite(): Promise<BenchDocStore> {
  const { SqliteDocStore } = await import('../../server/storage/sqlite/SqliteDocStore');
  const dir = mkdtempSync(join(tmpdir(), 'jianyan-bench-store-'));
  const path = join(dir, 'jianyan.sqlite');
  // As the server opens it (server/storage/openStores.ts): synchronous NORMAL, WAL checkpoints in a worker.
  const store = new SqliteDocStore({ path });
  return {
    store,
    register: (docIds) => {
      const db = new Database(path);
      try {
        const insert = db.prepare<[string, number, number]>(INSERT_DOCUMENT_SQLITE);
        const now = Date.now();
        db.transaction(() => {
          for (const docId of docIds) {
            insert.run(docId, now, now);
          }
        })();
      } finally {
        db.close();
      }
      return Promise.resolve();
    },
    sizeBytes: () =>
      Promise.resolve(statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0)),
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(serverUrl: string): Promise<BenchDocStore> {
  const { PgDocStore } = await import('../../server/storage/postgres/PgDocStore');
  const database = await createBenchDatabase(serverUrl);
  let store: DocStore;
  try {
    // The pool size the server gives its document store (server/storage/openStores.ts).
    store = await PgDocStore.open({ url: database.url, maxConnections: 10 });
  } catch (err) {
    await database.drop();
    throw err;
  }
  const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[]) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return await client.query<T>(sql, values);
    } finally {
      await client.end();
    }
  };
  return {
    store,
    register: async (docIds) => {
      await query(INSERT_DOCUMENTS_PG, [docIds, Date.now()]);
    },
    sizeBytes: async () => {
      const result = await query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes', []);
      return Number(result.rows[0]?.bytes ?? 0);
    },
    dispose: async () => {
      try {
        await store.close();
      } finally {
        await database.drop();
      }
    },
  };
}

/**
 * Opens the real document store of `backend` on an empty database. The adapters are imported
 * when a scenario runs, so a missing or changed adapter fails that scenario alone.
 */
export function openBenchDocStore(backend: StoreBackend, databaseServerUrl: string): Promise<BenchDocStore> {
  return backend === StoreBackend.postgres ? openPostgres(databaseServerUrl) : openSqlite();
}
