import { describe } from 'vitest';
import { describeDocRecordStoreContract } from '../docRecordStoreContract';
import { openPgRecordStores } from '../recordStoresHarness';
import { TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PostgreSQL', () => {
  describeDocRecordStoreContract('PgDocRecordStore', openPgRecordStores);
});
