import { describeDocStoreContract } from '../docStoreContract';
import { MemoryDocStore } from './MemoryDocStore';

describeDocStoreContract('MemoryDocStore', () => {
  const store = new MemoryDocStore();
  return {
    store,
    registerDocument: (id) => store.registerDocument(id),
    readDocument: (id) => store.readDocument(id),
    dispose: () => {},
  };
});
