import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, type DocId, newDocId, RoomKind } from '../../../shared';
import { openTestStore } from '../../test/testStore';
import { waitUntil } from '../../test/waitUntil';
import { createDiagnostics } from '../diagnostics';
import { createStore } from '../lib';
import type { DexieDeviceStore } from '../storage';
import type { CloseInfo, ConnectionGate } from './ConnectionGate';
import { DocConnection } from './DocConnection';
import { classifyOrigin } from './updateOrigin';

/** A socket that never reaches a server: the test opens and closes it by hand. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static readonly opened: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = FakeSocket.CONNECTING;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: Uint8Array[] = [];

  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }

  send(data: Uint8Array): void {
    this.sent.push(data);
  }

  close(): void {
    this.readyState = FakeSocket.CLOSED;
  }

  /** The relay accepts the connection. */
  accept(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }

  /** The relay closes the connection with `code`. */
  refuse(code: number, reason: string): void {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code, reason });
  }
}

/** A gate the test opens and closes, recording the refusals it hears. */
function testGate(isOpen: boolean, { isClosedByRefusal = true } = {}) {
  const state = createStore(isOpen);
  const refusals: CloseInfo[] = [];
  const gate: ConnectionGate = {
    isOpen: () => state.getSnapshot(),
    subscribe: state.subscribe,
    onRefused: (_docId, close) => {
      refusals.push(close);
      if (isClosedByRefusal) {
        state.set(false);
      }
    },
  };
  return { gate, refusals, set: state.set };
}

let store: DexieDeviceStore;
let connection: DocConnection | null = null;

beforeEach(() => {
  store = openTestStore({ onBackgroundError: () => undefined });
  FakeSocket.opened.length = 0;
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('navigator', { onLine: true });
});

afterEach(async () => {
  connection?.destroy();
  connection = null;
  vi.unstubAllGlobals();
  await store.delete();
});

function open(
  docId: DocId,
  gate: ConnectionGate,
  room: RoomKind = RoomKind.content,
  retryAfterTooManyConnectionsMs?: number,
  retryAfterServerBusyMs?: number,
): DocConnection {
  const doc = new Y.Doc({ gc: false });
  connection = new DocConnection({
    updates: store.updates,
    diagnostics: createDiagnostics({ log: () => undefined }),
    originOf: (origin) => classifyOrigin(origin, connection?.provider ?? null),
    docId,
    room,
    doc,
    awareness: new Awareness(doc),
    serverUrl: 'ws://relay.test/sync',
    gate,
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    ...(retryAfterTooManyConnectionsMs === undefined ? {} : { retryAfterTooManyConnectionsMs }),
    ...(retryAfterServerBusyMs === undefined ? {} : { retryAfterServerBusyMs }),
  });
  return connection;
}

describe('DocConnection with a gate', () => {
  it('does not connect while the gate is closed, and connects once it opens', () => {
    const { gate, set } = testGate(false);
    const docConnection = open(newDocId(), gate);
    expect(FakeSocket.opened).toHaveLength(0);
    expect(docConnection.status.getSnapshot()).toMatchObject({ phase: 'offline', isHeld: true, problem: null });
    set(true);
    expect(FakeSocket.opened).toHaveLength(1);
    expect(docConnection.status.getSnapshot()).toMatchObject({ phase: 'syncing', isHeld: false });
  });

  it('connects a comments doc to its own room, asking the gate by the document id', () => {
    const docId = newDocId();
    const asked: DocId[] = [];
    const { gate } = testGate(true);
    open(docId, { ...gate, isOpen: (id) => asked.push(id) > 0 }, RoomKind.comments);
    expect(asked).toEqual([docId]);
    expect(FakeSocket.opened.map((socket) => new URL(socket.url).pathname)).toEqual([`/sync/${docId}.comments`]);
  });

  it('hands a relay refusal to the gate, stays closed, and reconnects when the gate reopens (4401, C8)', async () => {
    const { gate, refusals, set } = testGate(true);
    const docConnection = open(newDocId(), gate);
    const first = FakeSocket.opened[0];
    first?.accept();
    first?.refuse(CloseCode.unauthorized, 'session expired');
    await waitUntil(() => refusals.length === 1, { what: 'the refusal to reach the gate' });
    expect(refusals).toEqual([{ code: CloseCode.unauthorized, reason: 'session expired' }]);
    expect(docConnection.status.getSnapshot()).toMatchObject({ phase: 'offline', isHeld: true });
    set(true);
    expect(FakeSocket.opened).toHaveLength(2);
    expect(docConnection.status.getSnapshot().problem).toBeNull();
  });

  it('does not retry a refusal by itself when the network comes back', async () => {
    const { gate, refusals } = testGate(true, { isClosedByRefusal: false });
    const docConnection = open(newDocId(), gate);
    FakeSocket.opened[0]?.refuse(CloseCode.forbidden, 'not in group');
    await waitUntil(() => refusals.length === 1, { what: 'the refusal to reach the gate' });
    (globalThis.navigator as { onLine: boolean }).onLine = false;
    window.dispatchEvent(new Event('offline'));
    (globalThis.navigator as { onLine: boolean }).onLine = true;
    window.dispatchEvent(new Event('online'));
    expect(FakeSocket.opened).toHaveLength(1);
    expect(docConnection.status.getSnapshot()).toMatchObject({
      phase: 'error',
      problem: { kind: 'refused', code: CloseCode.forbidden },
    });
  });

  it('tries once more after a while when the account had too many connections (4429), not at once', async () => {
    const { gate, refusals } = testGate(true, { isClosedByRefusal: false });
    const docConnection = open(newDocId(), gate, RoomKind.content, 200);
    FakeSocket.opened[0]?.accept();
    FakeSocket.opened[0]?.refuse(CloseCode.tooManyConnections, 'too_many_connections: too many connections');
    await waitUntil(() => refusals.length === 1, { what: 'the refusal to reach the gate' });
    expect(docConnection.status.getSnapshot()).toMatchObject({
      phase: 'error',
      problem: { kind: 'refused', code: CloseCode.tooManyConnections },
    });
    // y-websocket's own backoff would have reconnected within 5 s; it stopped for a 44xx code.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(FakeSocket.opened).toHaveLength(1);
    await waitUntil(() => FakeSocket.opened.length === 2, { what: 'the later attempt' });
    // Refused again: one more attempt later, never a loop.
    FakeSocket.opened[1]?.refuse(CloseCode.tooManyConnections, 'too_many_connections: too many connections');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(FakeSocket.opened).toHaveLength(2);
  });

  it('waits before reconnecting after the server said it is busy (1013), even right after a sync', async () => {
    const { gate } = testGate(true);
    const docConnection = open(newDocId(), gate, RoomKind.content, undefined, 300);
    FakeSocket.opened[0]?.accept();
    FakeSocket.opened[0]?.refuse(CloseCode.tryAgainLater, 'server_busy: reconnect later');
    // y-websocket alone would have tried again after 200 ms.
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(FakeSocket.opened).toHaveLength(1);
    expect(docConnection.status.getSnapshot().problem).toBeNull();
    await waitUntil(() => FakeSocket.opened.length === 2, { what: 'the later attempt' });
  });
});
