import { describe } from 'vitest';
import { describeGroupStoreContract } from '../groupStoreContract';
import { openPgRecordStores } from '../recordStoresHarness';
import { TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PostgreSQL', () => {
  describeGroupStoreContract('PgGroupStore', openPgRecordStores);
});
