import { describe } from 'vitest';
import { describeDutyStoreContract } from '../dutyStoreContract';
import { PgDutyStore } from './PgDutyStore';
import { newTestSchema, TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PgDutyStore', () => {
  describeDutyStoreContract('PgDutyStore', async () => {
    const schema = newTestSchema();
    const duty = await PgDutyStore.open({ url: schema.url, schema: schema.schema, maxConnections: 2 });
    return {
      duty,
      dispose: async () => {
        await duty.close();
        await schema.drop();
      },
    };
  });
});
