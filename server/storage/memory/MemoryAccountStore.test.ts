import { describeAccountStoreContract } from '../accountStoreContract';
import { openMemoryRecordStores } from '../recordStoresHarness';

describeAccountStoreContract('MemoryAccountStore', openMemoryRecordStores);
