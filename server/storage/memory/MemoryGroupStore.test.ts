import { describeGroupStoreContract } from '../groupStoreContract';
import { openMemoryRecordStores } from '../recordStoresHarness';

describeGroupStoreContract('MemoryGroupStore', openMemoryRecordStores);
