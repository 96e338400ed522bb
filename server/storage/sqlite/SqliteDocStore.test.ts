import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocId, RoomName, UserId } from '../../../shared/index';
import { EMPTY_BATCH } from '../DocStore';
import { type DocStoreHarness, describeDocStoreContract } from '../docStoreContract';
import { SqliteDocStore } from './SqliteDocStore';

const dirs: string[] = [];
function tempDbPath(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-sqlite-'));
  dirs.push(dir);
  return path.join(dir, 'test.sqlite');
}

afterAll(() => {
  for (const dir of dirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The store, and a second connection to its file that plays the HTTP API's part. */
function sqliteHarness(): DocStoreHarness {
  const path = tempDbPath();
  const store = new SqliteDocStore({ path });
  const db = new Database(path);
  const register = db.prepare<[string, number, number]>(
    `INSERT INTO documents (id, title, kind, updated_at, status, created_at) VALUES (?, '', 'proposal', ?, 'draft', ?)`,
  );
  const readRecord = db.prepare<[string], { title: string; updated_at: number; updated_by: string | null }>(
    'SELECT title, updated_at, updated_by FROM documents WHERE id = ?',
  );
  const readAuthors = db.prepare<[string], { user_id: string; first_at: number }>(
    'SELECT user_id, first_at FROM doc_authors WHERE doc_id = ? ORDER BY first_at, user_id',
  );
  return {
    store,
    registerDocument: (id: DocId) => {
      const now = Date.now();
      register.run(id, now, now);
    },
    readDocument: (id: DocId) => {
      const row = readRecord.get(id);
      if (row === undefined) {
        return null;
      }
      const authors = readAuthors.all(id).map((author) => ({
        userId: author.user_id as UserId,
        firstAt: author.first_at,
      }));
      return { title: row.title, updatedAt: row.updated_at, updatedBy: row.updated_by as UserId | null, authors };
    },
    dispose: () => {
      db.close();
    },
  };
}

describeDocStoreContract('SqliteDocStore', sqliteHarness);

/** A writer process that commits batches forever, printing the number of updates committed. */
const WRITER_SCRIPT = `
import * as Y from 'yjs';
import { SqliteDocStore } from './server/storage/sqlite/SqliteDocStore.ts';
const store = new SqliteDocStore({ path: process.argv[1] });
const doc = new Y.Doc({ gc: false });
let pending = [];
doc.on('update', (update) => pending.push({ room: process.argv[2], update }));
let committed = 0;
const text = doc.getText('title');
const tick = async () => {
  for (let i = 0; i < 50; i++) text.insert(text.length, 'x');
  const updates = pending; pending = [];
  await store.write({ updates, documents: [], authors: [] });
  committed += updates.length;
  process.stdout.write('committed ' + committed + '\\n');
  setImmediate(tick);
};
tick();
`;

interface Writer {
  readonly room: RoomName;
  committed: number;
  readonly exited: Promise<unknown>;
}

/** Starts a writer process and resolves once it has committed `target` updates, then kills it. */
function runWriterUntil(dbPath: string, room: RoomName, target: number): Promise<Writer> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WRITER_SCRIPT, dbPath, room], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const writer: Writer = { room, committed: 0, exited: new Promise((resolve) => child.once('exit', resolve)) };
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const counts = [...chunk.toString().matchAll(/committed (\d+)/g)].map((match) => Number(match[1]));
      writer.committed = Math.max(writer.committed, ...counts);
      if (writer.committed >= target && child.exitCode === null) {
        child.kill('SIGKILL');
        resolve(writer);
      }
    });
  });
}

describe('SqliteDocStore with concurrent writer processes and an unclean stop', () => {
  // Two writer processes start through tsx: seconds on a busy machine, hence the longer timeout.
  it('reopens with every committed update of each killed writer intact', { timeout: 30_000 }, async () => {
    const dbPath = tempDbPath();
    await new SqliteDocStore({ path: dbPath }).close();
    const rooms = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'] as RoomName[];
    const writers = await Promise.all(rooms.map((room) => runWriterUntil(dbPath, room, 3_000)));
    await Promise.all(writers.map((writer) => writer.exited));

    const store = new SqliteDocStore({ path: dbPath });
    for (const writer of writers) {
      const loaded = await store.load(writer.room);
      const doc = new Y.Doc({ gc: false });
      doc.transact(() => {
        for (const { update } of loaded) {
          Y.applyUpdate(doc, update);
        }
      });
      expect(loaded.length).toBeGreaterThanOrEqual(writer.committed);
      expect(doc.store.pendingStructs).toBeNull();
      expect(doc.getText('title').length).toBe(loaded.length);
    }
    await store.close();
  });
});

describe('SqliteDocStore checkpoints', () => {
  // With automatic checkpoints (every 1,000 pages) these 2 MiB would stay in the WAL.
  it('folds the WAL into the database file from its background worker', async () => {
    const dbPath = tempDbPath();
    const store = new SqliteDocStore({ path: dbPath });
    const room = '00000000-0000-4000-8000-000000000003' as RoomName;
    const update = new Uint8Array(64 * 1024).fill(7);
    for (let i = 0; i < 32; i++) {
      await store.write({ ...EMPTY_BATCH, updates: [{ room, update }] });
    }
    const deadline = Date.now() + 10_000;
    while (statSync(dbPath).size < 2 * 1024 * 1024 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(statSync(dbPath).size).toBeGreaterThan(2 * 1024 * 1024);
    await store.close();
  });
});
