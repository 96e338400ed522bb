import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocId } from '../../../shared/domain/ids';
import type { RoomName, UserId } from '../../../shared/index';
import { PgDocFileStore } from '../postgres/PgDocFileStore';
import { PgDocStore } from '../postgres/PgDocStore';
import { newTestSchema, TEST_DATABASE_URL, type TestSchema } from '../postgres/testSchemas';
import { SqliteDocFileStore } from '../sqlite/SqliteDocFileStore';
import { SqliteDocStore } from '../sqlite/SqliteDocStore';
import { CopyProblem } from './CopyRefusal';
import { checkSqliteLayout } from './copiedTables';
import { copySqliteToPostgres } from './copySqliteToPostgres';

/** More updates than two batches of 500 hold, in rooms that interleave. */
const UPDATES_PER_ROOM = 600;

let dir: string;
let file: string;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jianyan-copy-'));
  file = path.join(dir, 'jianyan.sqlite');
  // Opening a store creates the file at the current layout.
  await new SqliteDocStore({ path: file, checkpointInBackground: false }).close();
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function alter(sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}

function layoutRefusal(): unknown {
  const db = new Database(file, { readonly: true });
  try {
    checkSqliteLayout(db, file);
    return null;
  } catch (thrown) {
    return thrown;
  } finally {
    db.close();
  }
}

describe('checkSqliteLayout', () => {
  it('accepts the current layout', () => {
    expect(layoutRefusal()).toBeNull();
  });

  it('refuses a table the copy does not know, so that it is never left behind', () => {
    alter('CREATE TABLE proposal_numbers (id TEXT PRIMARY KEY)');
    expect(layoutRefusal()).toMatchObject({
      code: CopyProblem.sourceLayout,
      message: expect.stringContaining('unknown: proposal_numbers'),
    });
  });

  it('refuses a column the copy does not know', () => {
    alter('ALTER TABLE users ADD COLUMN phone TEXT');
    expect(layoutRefusal()).toMatchObject({
      code: CopyProblem.sourceLayout,
      message: expect.stringContaining('users are not the ones the copy knows (unknown: phone)'),
    });
  });

  it('refuses an older layout, saying how to upgrade it', () => {
    alter('PRAGMA user_version = 4');
    expect(layoutRefusal()).toMatchObject({
      code: CopyProblem.sourceLayout,
      message: expect.stringContaining('Start the server on it once without DATABASE_URL'),
    });
  });
});

describe.skipIf(TEST_DATABASE_URL === null)('copySqliteToPostgres', () => {
  let schema: TestSchema;

  beforeEach(() => {
    schema = newTestSchema();
  });

  afterEach(async () => {
    await schema.drop();
  });

  it('copies long logs in batches, with their numbers and authors, and the rooms build the same documents', async () => {
    const rooms = ['room-a', 'room-b'] as RoomName[];
    const docs = rooms.map(() => new Y.Doc({ gc: false }));
    const sqlite = new SqliteDocStore({ path: file, checkpointInBackground: false });
    try {
      for (let index = 0; index < UPDATES_PER_ROOM; index += 1) {
        const updates = rooms.map((room, which) => {
          const doc = docs[which] as Y.Doc;
          const before = Y.encodeStateVector(doc);
          doc.getText('title').insert(0, `${index},`);
          const author = index % 3 === 0 ? null : (`user-${index % 7}` as UserId);
          return { room, update: Y.encodeStateAsUpdate(doc, before), author };
        });
        await sqlite.write({ updates, documents: [], authors: [] });
      }
    } finally {
      await sqlite.close();
    }

    const summary = await copySqliteToPostgres({
      sqlitePath: file,
      databaseUrl: schema.url,
      databaseSchema: schema.schema,
    });
    expect(summary).toMatchObject({ rooms: 2, updates: 2 * UPDATES_PER_ROOM });
    expect(summary.tables.find((table) => table.name === 'updates')?.rows).toBe(2 * UPDATES_PER_ROOM);

    const copied = await PgDocStore.open({ url: schema.url, schema: schema.schema });
    const original = new SqliteDocStore({ path: file, checkpointInBackground: false });
    try {
      for (const [which, room] of rooms.entries()) {
        const fromPostgres = await copied.load(room);
        expect(fromPostgres).toEqual(await original.load(room));
        const doc = new Y.Doc({ gc: false });
        for (const { update } of fromPostgres) {
          Y.applyUpdate(doc, update);
        }
        expect(doc.getText('title').toString()).toBe((docs[which] as Y.Doc).getText('title').toString());
      }
    } finally {
      await original.close();
      await copied.close();
    }
  });

  it('refuses a database that holds data, and leaves it as it was', async () => {
    await copySqliteToPostgres({ sqlitePath: file, databaseUrl: schema.url, databaseSchema: schema.schema });
    const target = await PgDocStore.open({ url: schema.url, schema: schema.schema });
    try {
      await target.write({
        updates: [{ room: 'room-x' as RoomName, update: new Uint8Array([0, 0]) }],
        documents: [],
        authors: [],
      });
    } finally {
      await target.close();
    }
    await expect(
      copySqliteToPostgres({ sqlitePath: file, databaseUrl: schema.url, databaseSchema: schema.schema }),
    ).rejects.toMatchObject({ code: CopyProblem.targetNotEmpty, message: expect.stringContaining('rows: updates 1') });
    const after = await PgDocStore.open({ url: schema.url, schema: schema.schema });
    try {
      expect(await after.load('room-x' as RoomName)).toHaveLength(1);
    } finally {
      await after.close();
    }
  });

  it('copies the document files: each blob once with every byte value, and every link', async () => {
    const bytes = new Uint8Array(3000).map((_, index) => (index * 13) % 256);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const first = '0a5d3c4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' as DocId;
    const second = '1b6e4d5f-2a3b-4c4d-9e5f-6a7b8c9d0e1f' as DocId;
    const addedBy = '2c7f5e6a-3b4c-4d5e-af6a-7b8c9d0e1f2a' as UserId;
    const limits = { document: 1_000_000, committee: 1_000_000 };
    const sqlite = new SqliteDocFileStore({ path: file });
    try {
      await sqlite.addLink({ docId: first, sha256, mediaType: 'application/pdf', bytes, addedBy, addedAt: 5 }, limits);
      await sqlite.addLink({ docId: second, sha256, mediaType: 'application/pdf', bytes, addedBy, addedAt: 6 }, limits);
    } finally {
      await sqlite.close();
    }

    const summary = await copySqliteToPostgres({
      sqlitePath: file,
      databaseUrl: schema.url,
      databaseSchema: schema.schema,
    });
    expect(summary.tables.find((table) => table.name === 'doc_file_blobs')?.rows).toBe(1);
    expect(summary.tables.find((table) => table.name === 'doc_file_links')?.rows).toBe(2);

    const copied = await PgDocFileStore.open({ url: schema.url, schema: schema.schema });
    try {
      const back = await copied.getFile(second, sha256);
      expect(Buffer.from(back?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
      expect(back?.addedAt).toBe(6);
      expect(await copied.committeeUsage()).toBe(3000);
      expect(await copied.listLinks(first)).toEqual([
        { sha256, mediaType: 'application/pdf', size: 3000, addedBy, addedAt: 5 },
      ]);
    } finally {
      await copied.close();
    }
  });
});
