import { afterEach, describe, expect, it, vi } from 'vitest';
import { newDocId } from '../../../shared/index';
import { createLogger } from '../../logger';
import { MemoryDocStore } from '../../storage/memory/MemoryDocStore';
import { KEEPALIVE_MESSAGE } from '../protocolMessages';
import { Relay } from '../Relay';
import { MemoryPeer } from './MemoryPeer';
import { writeAllGate } from './testGates';

afterEach(() => {
  vi.useRealTimers();
});

/** A relay on fake timers with one connected peer whose handshake is done. */
async function relayWithPeer(): Promise<{ relay: Relay; peer: MemoryPeer }> {
  vi.useFakeTimers();
  const relay = new Relay({
    store: new MemoryDocStore(),
    gate: writeAllGate,
    logger: createLogger('silent'),
    maxHeldBytes: 1024,
    maxEarlyBytes: 1024,
  });
  return { relay, peer: await connectedPeer(relay) };
}

async function connectedPeer(relay: Relay): Promise<MemoryPeer> {
  const peer = new MemoryPeer();
  peer.connect(relay, newDocId());
  await vi.advanceTimersByTimeAsync(0);
  while (peer.deliverToServer()) {
    await vi.advanceTimersByTimeAsync(0);
  }
  peer.toPeer = [];
  return peer;
}

describe('relay heartbeat', () => {
  it('feeds an idle connection a keepalive before the stock client’s 30 s watchdog fires', async () => {
    const { relay, peer } = await relayWithPeer();
    await vi.advanceTimersByTimeAsync(25_000);
    expect(peer.toPeer).toContainEqual(KEEPALIVE_MESSAGE);
    await relay.shutdown();
  });

  it('drops a connection that does not answer pings', async () => {
    const { relay, peer } = await relayWithPeer();
    await vi.advanceTimersByTimeAsync(55_000);
    expect(peer.isConnected).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(peer.isConnected).toBe(false);
    expect(relay.connectionCount).toBe(0);
    await relay.shutdown();
  });
});
