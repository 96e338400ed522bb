import { describe } from 'vitest';
import { describeDocFileStoreContract } from '../docFileStoreContract';
import { PgDocFileStore } from './PgDocFileStore';
import { newTestSchema, TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PostgreSQL', () => {
  describeDocFileStoreContract('PgDocFileStore', async () => {
    const schema = newTestSchema();
    const options = { url: schema.url, schema: schema.schema, maxConnections: 3 };
    const store = await PgDocFileStore.open(options);
    const other = await PgDocFileStore.open(options);
    return {
      store,
      other,
      dispose: async () => {
        await store.close();
        await other.close();
        await schema.drop();
      },
    };
  });
});
