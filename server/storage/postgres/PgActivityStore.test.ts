import { describe } from 'vitest';
import { describeActivityStoreContract } from '../activityStoreContract';
import { PgActivityStore } from './PgActivityStore';
import { newTestSchema, TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PgActivityStore', () => {
  describeActivityStoreContract('PgActivityStore', async () => {
    const schema = newTestSchema();
    const activities = await PgActivityStore.open({ url: schema.url, schema: schema.schema, maxConnections: 2 });
    return {
      activities,
      dispose: async () => {
        await activities.close();
        await schema.drop();
      },
    };
  });
});
