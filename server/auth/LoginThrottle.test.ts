import { describeLoginThrottleContract } from './loginThrottleContract';
import { MemoryLoginThrottleStore } from './MemoryLoginThrottleStore';

describeLoginThrottleContract('MemoryLoginThrottleStore', async (now) => ({
  store: new MemoryLoginThrottleStore({ now }),
  close: async () => {},
}));
