import { describeClusterBusContract } from './clusterBusContract';
import { type MemoryBus, MemoryBusNetwork } from './MemoryBusNetwork';

describeClusterBusContract('MemoryBusNetwork', async () => {
  const network = new MemoryBusNetwork();
  return {
    connect: async () => network.connect(),
    interrupt: async (bus, whileCut) => {
      (bus as MemoryBus).cut();
      await whileCut();
      (bus as MemoryBus).restore();
    },
    dispose: async () => {},
  };
});
