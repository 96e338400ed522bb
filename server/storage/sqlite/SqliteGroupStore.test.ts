import { describeGroupStoreContract } from '../groupStoreContract';
import { openSqliteRecordStores } from '../recordStoresHarness';

describeGroupStoreContract('SqliteGroupStore', openSqliteRecordStores);
