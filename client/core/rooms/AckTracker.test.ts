import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType, type RoomName, SyncMessageType } from '../../../shared';
import { createDiagnostics } from '../diagnostics';
import { AckTracker } from './AckTracker';
import { UpdateOrigin } from './updateOrigin';

const ROOM = 'doc-1/comments' as RoomName;
const RELAY = Symbol('relay');

/**
 * A room on an open, synced socket to a server that stores every update at once and answers
 * each probe (a sync step 1) a millisecond later, as the relay does: its delete set, then its
 * state vector. Local updates are kept as unsent records until acknowledged.
 */
function openRoom() {
  const doc = new Y.Doc();
  const server = new Y.Doc();
  let tracker: AckTracker | null = null;
  let probes = 0;
  const ws = {
    readyState: 1,
    send: (data: Uint8Array) => {
      const decoder = decoding.createDecoder(data);
      if (
        decoding.readVarUint(decoder) !== MessageType.sync ||
        decoding.readVarUint(decoder) !== SyncMessageType.step1
      ) {
        return;
      }
      probes += 1;
      setTimeout(() => {
        Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
        const deleteSet = Y.mergeDeleteSets([Y.decodeUpdate(Y.encodeStateAsUpdate(server)).ds]);
        tracker?.onServerState({ kind: 'deleteSet', deleteSet });
        tracker?.onServerState({ kind: 'stateVector', stateVector: Y.decodeStateVector(Y.encodeStateVector(server)) });
      }, 1);
    },
  };
  const provider = { doc, ws, wsconnected: true, synced: true } as unknown as WebsocketProvider;
  let rows: { seq: number; update: Uint8Array }[] = [];
  let nextSeq = 1;
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== RELAY) {
      rows.push({ seq: nextSeq++, update });
      queueMicrotask(() => tracker?.onUnsentCount(rows.length));
    }
  });
  tracker = new AckTracker({
    updates: {
      listUnsent: async () => [...rows],
      acknowledge: async (_room, seqs) => {
        rows = rows.filter((row) => !seqs.includes(row.seq));
        tracker?.onUnsentCount(rows.length);
      },
    },
    room: ROOM,
    doc,
    provider,
    originOf: (origin) => (origin === RELAY ? UpdateOrigin.relay : UpdateOrigin.local),
    diagnostics: createDiagnostics(),
  });
  trackers.push(tracker);
  return { doc, probes: () => probes, unsent: () => rows.length };
}

const trackers: AckTracker[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', { OPEN: 1 });
});

afterEach(() => {
  for (const tracker of trackers.splice(0)) {
    tracker.destroy();
  }
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('AckTracker', () => {
  it('asks the server about a single change at once, not after the batching interval', async () => {
    const { doc, probes, unsent } = openRoom();

    // One click (reopening a thread) right before the network drops: acknowledged in a round trip.
    doc.getMap('threads').set('t1', 'open');
    await vi.advanceTimersByTimeAsync(10);
    expect(probes()).toBe(1);
    expect(unsent()).toBe(0);
  });

  it('acknowledges each of a few separate changes within a round trip', async () => {
    const { doc, probes, unsent } = openRoom();

    // Reply, delete the reply, reopen a thread: each acknowledged at once.
    for (const [i, state] of ['replied', 'deleted', 'open'].entries()) {
      doc.getMap('threads').set(`t${i}`, state);
      await vi.advanceTimersByTimeAsync(10);
      expect(probes()).toBe(i + 1);
      expect(unsent()).toBe(0);
      await vi.advanceTimersByTimeAsync(40);
    }
  });

  it('limits the probes of fast typing to about one per interval, and acknowledges the last keystroke', async () => {
    const { doc, probes, unsent } = openRoom();

    // Twenty keystrokes a second for five seconds.
    for (let i = 0; i < 100; i++) {
      doc.getText('t').insert(0, 'a');
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(probes()).toBeGreaterThanOrEqual(10);
    expect(probes()).toBeLessThanOrEqual(4 + 10 + 1);
    await vi.advanceTimersByTimeAsync(500);
    expect(unsent()).toBe(0);
    const settled = probes();
    await vi.advanceTimersByTimeAsync(5000);
    expect(probes()).toBe(settled);
  });

  it('does not ask about changes that came from the relay', async () => {
    const { doc, probes } = openRoom();

    const remote = new Y.Doc();
    remote.getText('t').insert(0, 'x');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), RELAY);
    await vi.advanceTimersByTimeAsync(2000);
    expect(probes()).toBe(0);
  });
});
