import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type DocId, DocKind, type GroupId, type UserId } from '../../../shared/index';
import { CREATOR, describeReviewStoreContract, testEvent, testVersion } from '../reviewStoreContract';
import { databasePath } from './databasePath';
import { SqliteDocRecordStore } from './SqliteDocRecordStore';
import { SqliteReviewStore } from './SqliteReviewStore';
import { SqliteWebhookStore } from './SqliteWebhookStore';
import { STORAGE_SCHEMA_VERSION } from './sqliteSchema';

const closables: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const closable of closables.splice(0)) {
    await closable.close();
  }
});

const userId = () => randomUUID() as UserId;

/** A review store and a document record store on one fresh file, in a directory removed by `dispose`. */
function openFile(): {
  file: string;
  reviews: SqliteReviewStore;
  records: SqliteDocRecordStore;
  webhooks: SqliteWebhookStore;
  dispose(): Promise<void>;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-review-'));
  const file = databasePath(dir);
  const records = new SqliteDocRecordStore({ path: file });
  const reviews = new SqliteReviewStore({ path: file });
  const webhooks = new SqliteWebhookStore({ path: file });
  return {
    file,
    reviews,
    records,
    webhooks,
    dispose: async () => {
      await reviews.close();
      await webhooks.close();
      await records.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function register(records: SqliteDocRecordStore, id: DocId): Promise<void> {
  await records.createDocument({
    id,
    kind: DocKind.proposal,
    groupId: randomUUID() as GroupId,
    title: '关于乡村养老的提案',
    createdBy: CREATOR,
    createdAt: 1,
  });
}

describeReviewStoreContract('SqliteReviewStore', async () => {
  const { reviews, records, webhooks, dispose } = openFile();
  return {
    reviews,
    webhooks,
    registerDocument: (id) => register(records, id),
    readDocument: async (id) => {
      const record = await records.getDocument(id);
      return record === null ? null : { status: record.status, updatedAt: record.updatedAt };
    },
    dispose,
  };
});

/** One registered proposal in a fresh file, closed after the test. */
async function open() {
  const opened = openFile();
  closables.push({ close: opened.dispose });
  const docId = randomUUID() as DocId;
  await register(opened.records, docId);
  return { ...opened, docId };
}

describe('SqliteReviewStore', () => {
  it('keeps the timeline append-only, even for a connection that bypasses the store', async () => {
    const { file, reviews, docId } = await open();
    await reviews.saveVersion({
      version: testVersion(docId, { cause: 'manual' }),
      event: testEvent(docId, 'version_saved'),
      reviewerId: null,
    });
    const raw = new Database(file);
    try {
      expect(() => raw.prepare("UPDATE doc_events SET reason = 'changed'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM doc_events').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });

  it('lists document records with their co-signers, without the signed snapshots', async () => {
    const { reviews, records, docId } = await open();
    const [a, b] = [userId(), userId()];
    await reviews.inviteCosigners({ docId, userIds: [a], invitedBy: CREATOR, at: 5, events: [], notifications: [] });
    await reviews.sign({ docId, userId: b, at: 6, snapshot: new Uint8Array([1]), event: testEvent(docId, 'cosigned') });

    const listed = (await records.listDocuments()).find((doc) => doc.id === docId);
    expect(listed?.cosigners.map((c) => [c.userId, c.state, c.snapshot])).toEqual([
      [a, 'invited', null],
      [b, 'signed', null],
    ]);
    expect((await records.getDocument(docId))?.cosigners).toEqual(listed?.cosigners);
  });

  it('migrates a layout-2 file to the current layout, keeping its records', async () => {
    const { file, records, docId } = await open();
    await records.close();
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(STORAGE_SCHEMA_VERSION);
    raw.exec(`DROP TABLE doc_events; DROP TABLE doc_versions; DROP TABLE doc_cosigners; DROP TABLE doc_reviews;
      DROP TABLE notifications; ALTER TABLE api_tokens DROP COLUMN expires_at;
      ALTER TABLE invitations DROP COLUMN revoked_at; ALTER TABLE updates DROP COLUMN author;
      DROP TABLE room_clients; DROP TABLE webhooks; DROP TABLE webhook_deliveries;
      DROP TABLE units; DROP TABLE committee_sessions; DROP TABLE handling_cases; DROP TABLE case_units;
      ALTER TABLE users DROP COLUMN unit_id; ALTER TABLE invitations DROP COLUMN unit_id; ALTER TABLE documents DROP COLUMN fields; DROP TABLE committee_settings;
      DROP TABLE attachments; DROP TABLE adoption_records; DROP TABLE sent_reminders; DROP TABLE activities;
      DROP TABLE duty_books; DROP TABLE duty_years; DROP TABLE doc_credits; DROP TABLE doc_file_blobs; DROP TABLE doc_file_links;
      PRAGMA user_version = 2;`);
    raw.close();

    const reopened = new SqliteDocRecordStore({ path: file });
    closables.push(reopened);
    expect(await reopened.getDocument(docId)).toMatchObject({ title: '关于乡村养老的提案', cosigners: [] });
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(STORAGE_SCHEMA_VERSION);
    check.close();
  });
});
