import { describe } from 'vitest';
import { describeAccountStoreContract } from '../accountStoreContract';
import { openPgRecordStores } from '../recordStoresHarness';
import { TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PostgreSQL', () => {
  describeAccountStoreContract('PgAccountStore', openPgRecordStores);
});
