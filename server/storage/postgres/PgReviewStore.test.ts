import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DocId, parseDocStatus } from '../../../shared/index';
import { describeReviewStoreContract, type ReviewStoreHarness, testEvent, testVersion } from '../reviewStoreContract';
import { quoteIdentifier } from './PgDatabase';
import { PgReviewStore } from './PgReviewStore';
import { PgWebhookStore } from './PgWebhookStore';
import { newTestSchema, TEST_DATABASE_URL } from './testSchemas';

/** A review store in a fresh schema, and a connection of its own that plays the document record store. */
async function openHarness(): Promise<ReviewStoreHarness & { readonly raw: pg.Client }> {
  const schema = newTestSchema();
  const reviews = await PgReviewStore.open({ url: schema.url, schema: schema.schema, maxConnections: 2 });
  const webhooks = await PgWebhookStore.open({ url: schema.url, schema: schema.schema, maxConnections: 1 });
  const raw = new pg.Client({ connectionString: schema.url });
  await raw.connect();
  await raw.query(`SET search_path TO ${quoteIdentifier(schema.schema)}`);
  return {
    reviews,
    webhooks,
    raw,
    registerDocument: async (id: DocId) => {
      await raw.query(
        `INSERT INTO documents (id, title, kind, updated_at, status, created_at) VALUES ($1, '关于乡村养老的提案', 'proposal', 1, 'draft', 1)`,
        [id],
      );
    },
    readDocument: async (id: DocId) => {
      const { rows } = await raw.query<{ status: string; updated_at: string }>(
        'SELECT status, updated_at FROM documents WHERE id = $1',
        [id],
      );
      const row = rows[0];
      if (row === undefined) {
        return null;
      }
      const status = parseDocStatus(row.status);
      if (status === null) {
        throw new Error(`Cannot read document ${id}: its status "${row.status}" is not one`);
      }
      return { status, updatedAt: Number(row.updated_at) };
    },
    dispose: async () => {
      await reviews.close();
      await webhooks.close();
      await raw.end();
      await schema.drop();
    },
  };
}

describe.skipIf(TEST_DATABASE_URL === null)('PostgreSQL', () => {
  describeReviewStoreContract('PgReviewStore', openHarness);

  describe('PgReviewStore', () => {
    let harness: Awaited<ReturnType<typeof openHarness>>;
    beforeEach(async () => {
      harness = await openHarness();
    });
    afterEach(() => harness.dispose());

    it('keeps the timeline append-only, even for a connection that bypasses the store', async () => {
      const docId = randomUUID() as DocId;
      await harness.registerDocument(docId);
      await harness.reviews.saveVersion({
        version: testVersion(docId, { cause: 'manual' }),
        event: testEvent(docId, 'version_saved'),
        reviewerId: null,
      });
      await expect(harness.raw.query("UPDATE doc_events SET reason = 'changed'")).rejects.toThrow(/append-only/);
      await expect(harness.raw.query('DELETE FROM doc_events')).rejects.toThrow(/append-only/);
      const { rows } = await harness.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM doc_events');
      expect(rows[0]?.n).toBe(1);
    });
  });
});
