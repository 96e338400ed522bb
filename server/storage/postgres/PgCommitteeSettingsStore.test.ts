import { describe } from 'vitest';
import { describeCommitteeSettingsStoreContract } from '../committeeSettingsStoreContract';
import { PgCommitteeSettingsStore } from './PgCommitteeSettingsStore';
import { newTestSchema, TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PostgreSQL', () => {
  describeCommitteeSettingsStoreContract('PgCommitteeSettingsStore', async () => {
    const schema = newTestSchema();
    const store = await PgCommitteeSettingsStore.open({ url: schema.url, schema: schema.schema, maxConnections: 2 });
    return {
      store,
      dispose: async () => {
        await store.close();
        await schema.drop();
      },
    };
  });
});
