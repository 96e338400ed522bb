import pg from 'pg';
import { describe } from 'vitest';
import { describeHandlingStoreContract } from '../handlingStoreContract';
import { quoteIdentifier } from './PgDatabase';
import { PgHandlingStore } from './PgHandlingStore';
import { PgReviewStore } from './PgReviewStore';
import { newTestSchema, TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PgHandlingStore', () => {
  describeHandlingStoreContract('PgHandlingStore', async () => {
    const schema = newTestSchema();
    const handling = await PgHandlingStore.open({ url: schema.url, schema: schema.schema, maxConnections: 2 });
    const reviews = await PgReviewStore.open({ url: schema.url, schema: schema.schema, maxConnections: 4 });
    const raw = new pg.Client({ connectionString: schema.url });
    await raw.connect();
    await raw.query(`SET search_path TO ${quoteIdentifier(schema.schema)}`);
    return {
      handling,
      reviews,
      registerApproved: async (id) => {
        await raw.query(
          `INSERT INTO documents (id, title, kind, updated_at, status, created_at) VALUES ($1, '关于乡村养老的提案', 'proposal', 1, 'approved', 1)`,
          [id],
        );
      },
      dispose: async () => {
        await handling.close();
        await reviews.close();
        await raw.end();
        await schema.drop();
      },
    };
  });
});
