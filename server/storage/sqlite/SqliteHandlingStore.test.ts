import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describeHandlingStoreContract } from '../handlingStoreContract';
import { databasePath } from './databasePath';
import { SqliteDocRecordStore } from './SqliteDocRecordStore';
import { SqliteHandlingStore } from './SqliteHandlingStore';
import { SqliteReviewStore } from './SqliteReviewStore';

describeHandlingStoreContract('SqliteHandlingStore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-handling-'));
  const file = databasePath(dir);
  // The record store migrates the file first.
  const records = new SqliteDocRecordStore({ path: file });
  const handling = new SqliteHandlingStore({ path: file });
  const reviews = new SqliteReviewStore({ path: file });
  return {
    handling,
    reviews,
    registerApproved: async (id) => {
      const raw = new Database(file);
      try {
        raw
          .prepare(
            "INSERT INTO documents (id, title, kind, updated_at, status, created_at) VALUES (?, '关于乡村养老的提案', 'proposal', 1, 'approved', 1)",
          )
          .run(id);
      } finally {
        raw.close();
      }
    },
    dispose: async () => {
      await handling.close();
      await reviews.close();
      await records.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
