import { describeDocStoreContract } from './docStoreContract';
import { MemoryDocStore } from './MemoryDocStore';

describeDocStoreContract('MemoryDocStore', () => new MemoryDocStore());
