import { describeDocRecordStoreContract } from '../docRecordStoreContract';
import { openMemoryRecordStores } from '../recordStoresHarness';

describeDocRecordStoreContract('MemoryDocRecordStore', openMemoryRecordStores);
