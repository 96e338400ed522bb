import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docRecordSchema, sessionSchema } from '../../shared/api/schemas';
import { DEMO_PEOPLE } from '../../shared/demo/committee';
import { ContentField, roomNameOf } from '../../shared/index';
import { runAdmin } from '../admin/runAdmin';
import { PasswordHasher } from '../auth/passwords';
import { loadDemo } from '../demo/loadDemo';
import { newTestDatabase, type TestDatabase } from '../storage/postgres/testDatabases';
import { TEST_DATABASE_URL } from '../storage/postgres/testSchemas';
import { databasePath } from '../storage/sqlite/databasePath';
import { COPIED_TABLES } from '../storage/sqlite-to-postgres/copiedTables';
import { apiRequest } from './support/apiRequest';
import { runNpmScript } from './support/runNpmScript';
import { SyncClient } from './support/SyncClient';
import { makeDataDir, startTestServer } from './support/testServer';

/** Loading the demo hashes some forty passwords, and one check runs `npm run admin`: allow a loaded machine time. */
const SETUP_TIMEOUT_MS = 90_000;

/** The title the member gives a draft before the copy, so that its log holds an update with an author. */
const EDITED_TITLE_PREFIX = '修订：';

/** What runAdmin printed, and its exit status. */
async function migrate(
  dataDir: string,
  databaseUrl: string | null,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(
    ['migrate-to-postgres'],
    { DATA_DIR: dataDir, ...(databaseUrl === null ? {} : { DATABASE_URL: databaseUrl }) },
    { out: (line) => out.push(line), err: (line) => err.push(line) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * The SHA-256 of the SQLite file and of its write-ahead log, to show neither was written. A
 * read-only connection may leave an empty log behind where there was none: the same content.
 */
function fingerprint(dataDir: string): string[] {
  const file = databasePath(dataDir);
  return [file, `${file}-wal`].map((path) =>
    createHash('sha256')
      .update(existsSync(path) ? readFileSync(path) : new Uint8Array())
      .digest('hex'),
  );
}

/** Counts the rows of every copied table in SQLite (read-only) and in PostgreSQL. */
async function rowCounts(dataDir: string, databaseUrl: string): Promise<{ sqlite: number[]; postgres: number[] }> {
  const db = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const sqlite = COPIED_TABLES.map(
      (table) => db.prepare(`SELECT count(*) FROM ${table.name}`).pluck().get() as number,
    );
    const postgres: number[] = [];
    for (const table of COPIED_TABLES) {
      postgres.push(Number((await client.query(`SELECT count(*) AS n FROM ${table.name}`)).rows[0].n));
    }
    return { sqlite, postgres };
  } finally {
    await client.end();
    db.close();
  }
}

/** Every update row in log order, as `room seq author`: the history must survive with its numbers and authors. */
async function updateRows(dataDir: string, databaseUrl: string): Promise<{ sqlite: string[]; postgres: string[] }> {
  const db = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const line = (row: { room: string; seq: number | string; author: string | null }) =>
      `${row.room} ${row.seq} ${row.author ?? '-'}`;
    const sqlite = (db.prepare('SELECT room, seq, author FROM updates ORDER BY room, seq').all() as never[]).map(line);
    const postgres = (
      await client.query('SELECT room, seq, author FROM updates ORDER BY room COLLATE "C", seq')
    ).rows.map(line);
    return { sqlite, postgres };
  } finally {
    await client.end();
    db.close();
  }
}

/** The document list a signed-in person sees, and one document's title and body over the relay. */
async function whatTheServerServes(
  options: { dataDir: string; databaseUrl: string | null },
  token: string,
  docTitle: string,
): Promise<{ docs: unknown; title: string; body: string; state: Uint8Array }> {
  const server = await startTestServer(options);
  try {
    const answer = await apiRequest(server.url, 'GET', '/api/docs', { token });
    expect(answer.status).toBe(200);
    const docs = docRecordSchema.array().parse((answer.body as { docs: unknown }).docs);
    const doc = docs.find((candidate) => candidate.title === docTitle);
    expect(doc, docTitle).toBeDefined();
    const client = await SyncClient.connect(server.wsUrl, roomNameOf(doc!.id), { token });
    try {
      return {
        docs: docs.sort((a, b) => a.id.localeCompare(b.id)),
        title: client.text(ContentField.title),
        body: client.doc.getXmlFragment(ContentField.body).toString(),
        state: Y.encodeStateVector(client.doc),
      };
    } finally {
      await client.close();
    }
  } finally {
    await server.close();
  }
}

describe.skipIf(TEST_DATABASE_URL === null)('npm run admin -- migrate-to-postgres', () => {
  let dataDir: string;
  let database: TestDatabase;
  /** A member's session, made on SQLite before the copy. */
  let token: string;
  let editedTitle: string;

  beforeAll(async () => {
    dataDir = makeDataDir();
    database = await newTestDatabase();
    const hasher = new PasswordHasher();
    const outcome = await loadDemo({
      store: { dataDir },
      // The cheaper one-time cost: this test signs in once and does not test hashing.
      hashPassword: (password) => hasher.hashOneTimePassword(password),
    });
    if (!outcome.ok) {
      throw new Error(outcome.message);
    }
    const member = DEMO_PEOPLE.find((person) => person.role === 'member' && person.groups.length === 2);
    const password = outcome.accounts.find((account) => account.username === member?.username)?.password;
    // The member edits a draft on SQLite: its log gets an update with an author, and its room a client owner.
    const server = await startTestServer({ dataDir });
    try {
      const session = await apiRequest(server.url, 'POST', '/api/session', {
        json: { username: member?.username, password },
      });
      token = sessionSchema.parse(session.body).token;
      const answer = await apiRequest(server.url, 'GET', '/api/docs', { token });
      const [first] = docRecordSchema.array().parse((answer.body as { docs: unknown }).docs);
      const client = await SyncClient.connect(server.wsUrl, roomNameOf(first!.id), { token });
      client.doc.getText(ContentField.title).insert(0, EDITED_TITLE_PREFIX);
      editedTitle = client.text(ContentField.title);
      await client.sync();
      await client.close();
    } finally {
      await server.close();
    }
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses without DATABASE_URL, saying what to set', async () => {
    const result = await migrate(dataDir, null);
    expect(result.code).toBe(1);
    expect(result.err).toContain('migrate-to-postgres: set DATABASE_URL');
  });

  it('copies every table and every room log, checks them, and leaves the SQLite file as it was', async () => {
    const before = fingerprint(dataDir);
    const result = await migrate(dataDir, database.url);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^updates\s+18\s+18$/m);
    expect(result.out).toMatch(/^room_clients\s+1\s+1$/m);
    expect(result.out).toContain('Checked 17 rooms (18 updates)');
    expect(fingerprint(dataDir)).toEqual(before);

    const counts = await rowCounts(dataDir, database.url);
    expect(counts.postgres).toEqual(counts.sqlite);
    const updates = await updateRows(dataDir, database.url);
    expect(updates.postgres).toEqual(updates.sqlite);
    expect(updates.sqlite.filter((row) => !row.endsWith(' -'))).toHaveLength(1);
  });

  it('numbers new timeline, version, co-signer and notification rows after the copied ones', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      for (const table of ['doc_events', 'doc_versions', 'doc_cosigners', 'notifications']) {
        const { rows } = await client.query(
          `SELECT nextval(pg_get_serial_sequence('${table}', 'seq')) AS next, (SELECT max(seq) FROM ${table}) AS last`,
        );
        expect(Number(rows[0].next), table).toBeGreaterThan(Number(rows[0].last ?? 0));
      }
    } finally {
      await client.end();
    }
  });

  it('serves the same documents and content from PostgreSQL, to the session made on SQLite', async () => {
    const fromPostgres = await whatTheServerServes({ dataDir, databaseUrl: database.url }, token, editedTitle);
    const fromSqlite = await whatTheServerServes({ dataDir, databaseUrl: null }, token, editedTitle);
    expect(fromPostgres.title).toBe(editedTitle);
    expect(fromPostgres).toEqual(fromSqlite);
  });

  it('refuses to run again into the database it filled', { timeout: SETUP_TIMEOUT_MS }, async () => {
    const again = await runNpmScript('admin', dataDir, ['migrate-to-postgres'], { DATABASE_URL: database.url });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`The PostgreSQL database at ${database.url} is not empty (rows: users 46`);
  });
});
