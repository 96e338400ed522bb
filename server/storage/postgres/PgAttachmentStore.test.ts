import { describe } from 'vitest';
import { describeAttachmentStoreContract } from '../attachmentStoreContract';
import { PgAttachmentStore } from './PgAttachmentStore';
import { newTestSchema, TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PostgreSQL', () => {
  describeAttachmentStoreContract('PgAttachmentStore', async () => {
    const schema = newTestSchema();
    const store = await PgAttachmentStore.open({ url: schema.url, schema: schema.schema, maxConnections: 2 });
    return {
      store,
      dispose: async () => {
        await store.close();
        await schema.drop();
      },
    };
  });
});
