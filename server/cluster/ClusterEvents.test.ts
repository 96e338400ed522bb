import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { ClusterEvents } from './ClusterEvents';
import { MemoryBusNetwork } from './MemoryBusNetwork';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('ClusterEvents', () => {
  it('hands each checked event to the handlers of its type in the other processes', async () => {
    const network = new MemoryBusNetwork();
    const logger = createLogger('silent');
    const here = new ClusterEvents(network.connect(), logger);
    const there = new ClusterEvents(network.connect(), logger);
    const received: unknown[] = [];
    there.on('accessChanged', (event, from) => received.push([event, from === here.bus.processId]));
    here.on('accessChanged', (event) => received.push(['echo', event]));
    here.publish({ type: 'accessChanged', docId: 'doc-1' });
    await turn();
    expect(received).toEqual([[{ type: 'accessChanged', docId: 'doc-1' }, true]]);
  });

  it('ignores what is not an event, whoever sent it', async () => {
    const network = new MemoryBusNetwork();
    const logger = createLogger('silent');
    const sender = network.connect();
    const there = new ClusterEvents(network.connect(), logger);
    const received: unknown[] = [];
    there.on('stream', (event) => received.push(event));
    for (const text of [
      'not json',
      '{"type":"unknown"}',
      '{"type":"stream","userIds":"everyone","event":"x","data":""}',
      '{"type":"hold","holdId":"h","room":"r","reason":"","ms":-1}',
    ]) {
      sender.publishEvent(text);
    }
    sender.publishEvent('{"type":"stream","userIds":["u1"],"event":"record","data":"{}"}');
    await turn();
    expect(received).toEqual([{ type: 'stream', userIds: ['u1'], event: 'record', data: '{}' }]);
  });
});
