import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeAccountStoreContract } from '../accountStoreContract';
import { newUser, openSqliteRecordStores, type RecordStoresHarness } from '../recordStoresHarness';
import { SqliteAccountStore } from './SqliteAccountStore';

describeAccountStoreContract('SqliteAccountStore', openSqliteRecordStores);

describe('SqliteAccountStore on a file other connections use', () => {
  const harnesses: RecordStoresHarness[] = [];
  afterEach(async () => {
    for (const harness of harnesses.splice(0)) {
      await harness.dispose();
    }
  });

  it('keeps working while another connection holds a read transaction on the file', async () => {
    const harness = openSqliteRecordStores();
    harnesses.push(harness);
    const other = new Database(harness.file);
    const reader = other.prepare('SELECT count(*) AS n FROM users');
    other.exec('BEGIN');
    reader.get();
    try {
      await harness.accounts.createUser(newUser('while.reading'));
      expect(await harness.accounts.countUsers()).toBe(1);
      expect(reader.get()).toEqual({ n: 0 });
    } finally {
      other.exec('COMMIT');
      other.close();
    }
  });

  it('gives the API tokens of a layout-3 file 90 days from the upgrade, and keeps them working', async () => {
    const harness = openSqliteRecordStores();
    harnesses.push(harness);
    const owner = await harness.accounts.createUser(newUser('old.script'));
    await harness.accounts.createApiToken({
      id: 'old',
      userId: owner.id,
      name: '旧脚本',
      tokenHash: new Uint8Array(32).fill(7),
      createdAt: 1,
      expiresAt: 2,
    });
    for (const store of [harness.accounts, harness.groups, harness.records]) {
      await store.close();
    }
    const raw = new Database(harness.file);
    raw.exec(`ALTER TABLE api_tokens DROP COLUMN expires_at; ALTER TABLE invitations DROP COLUMN revoked_at;
      ALTER TABLE updates DROP COLUMN author; DROP TABLE room_clients; DROP TABLE webhooks; DROP TABLE webhook_deliveries;
      DROP TABLE units; DROP TABLE committee_sessions; DROP TABLE handling_cases; DROP TABLE case_units;
      ALTER TABLE users DROP COLUMN unit_id; ALTER TABLE invitations DROP COLUMN unit_id; ALTER TABLE documents DROP COLUMN fields; DROP TABLE committee_settings;
      DROP TABLE attachments; DROP TABLE adoption_records; DROP TABLE sent_reminders; DROP TABLE activities;
      DROP TABLE duty_books; DROP TABLE duty_years; DROP TABLE doc_credits; DROP TABLE doc_file_blobs; DROP TABLE doc_file_links;
      PRAGMA user_version = 3;`);
    raw.close();

    const before = Date.now();
    const reopened = new SqliteAccountStore({ path: harness.file });
    try {
      const [token] = await reopened.listApiTokens(owner.id);
      expect(token?.expiresAt).toBeGreaterThanOrEqual(before + 89 * 24 * 60 * 60 * 1000);
      expect(token?.expiresAt).toBeLessThanOrEqual(Date.now() + 90 * 24 * 60 * 60 * 1000);
    } finally {
      await reopened.close();
    }
  });
});
