import * as Y from 'yjs';
import { BenchClient } from '../lib/BenchClient';
import { seededRandom } from '../lib/seededRandom';
import type { RunningServer } from '../lib/serverProcess';
import { round } from '../lib/stats';
import { sleep, waitFor } from '../lib/waitFor';

/** Load shape of the reconnect scenario. */
export interface ReconnectOptions {
  readonly baseChars: number;
  /** Single-character edits A makes while offline, typed in bursts at random places. */
  readonly offlineEdits: number;
  readonly offlineBurst: number;
  /** Single-character edits B makes online meanwhile, each at a random place. */
  readonly onlineEdits: number;
  readonly seed: number;
}

/** Figures of the reconnect scenario against one relay. */
export interface ReconnectResult {
  readonly upBytes: number;
  readonly upMinimalBytes: number;
  readonly upRatio: number;
  readonly downBytes: number;
  readonly downMinimalBytes: number;
  readonly downRatio: number;
  readonly framesUp: number;
  readonly framesDown: number;
  readonly convergeMs: number;
  readonly isConverged: boolean;
}

const TEXT_NAME = 'body';
const SYNC_TIMEOUT_MS = 10_000;
const CONVERGE_TIMEOUT_MS = 10_000;
/** After convergence, frames still arriving on A's socket (an echo, say) are counted for this long. */
const SETTLE_MS = 300;

function typeAt(doc: Y.Doc, position: number, count: number, char: string): void {
  const text = doc.getText(TEXT_NAME);
  for (let i = 0; i < count; i += 1) {
    text.insert(Math.min(position + i, text.length), char);
  }
}

function isSame(a: Y.Doc, b: Y.Doc): boolean {
  return (
    Buffer.from(Y.encodeStateVector(a)).equals(Y.encodeStateVector(b)) &&
    a.getText(TEXT_NAME).toString() === b.getText(TEXT_NAME).toString()
  );
}

/** Two replicas diverge (A offline, B online), then A reconnects; bytes on A's new socket vs the minimal updates. */
export async function runReconnect(server: RunningServer, options: ReconnectOptions): Promise<ReconnectResult> {
  const [room = ''] = await server.newRooms(1);
  const urlA = server.roomUrl(room, 0);
  const random = seededRandom(options.seed);
  const b = await BenchClient.open({ url: server.roomUrl(room, 1), shouldSendLocalUpdates: true });
  await b.sync(SYNC_TIMEOUT_MS);
  typeAt(b.doc, 0, options.baseChars, '基');
  await b.sync(SYNC_TIMEOUT_MS);
  const docA = new Y.Doc({ gc: false });
  const a = await BenchClient.open({ url: urlA, doc: docA, shouldSendLocalUpdates: true });
  await a.sync(SYNC_TIMEOUT_MS);
  await waitFor(() => isSame(docA, b.doc), SYNC_TIMEOUT_MS, 'A and B to share the base text');
  await a.close();

  for (let done = 0; done < options.offlineEdits; done += options.offlineBurst) {
    const position = Math.floor(random() * docA.getText(TEXT_NAME).length);
    typeAt(docA, position, Math.min(options.offlineBurst, options.offlineEdits - done), '甲');
  }
  for (let i = 0; i < options.onlineEdits; i += 1) {
    typeAt(b.doc, Math.floor(random() * b.doc.getText(TEXT_NAME).length), 1, '乙');
  }
  await b.sync(SYNC_TIMEOUT_MS);

  const upMinimalBytes = Y.encodeStateAsUpdate(docA, Y.encodeStateVector(b.doc)).byteLength;
  const downMinimalBytes = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(docA)).byteLength;
  const start = performance.now();
  const reconnected = await BenchClient.open({ url: urlA, doc: docA });
  try {
    reconnected.sendSyncStep1();
    const isConverged = await waitFor(() => isSame(docA, b.doc), CONVERGE_TIMEOUT_MS, 'A and B to converge').then(
      () => true,
      () => false,
    );
    const convergeMs = performance.now() - start;
    await sleep(SETTLE_MS);
    return {
      upBytes: reconnected.bytesSent,
      upMinimalBytes,
      upRatio: round(reconnected.bytesSent / upMinimalBytes, 3),
      downBytes: reconnected.bytesReceived,
      downMinimalBytes,
      downRatio: round(reconnected.bytesReceived / downMinimalBytes, 3),
      framesUp: reconnected.framesSent,
      framesDown: reconnected.framesReceived,
      convergeMs: round(convergeMs, 1),
      isConverged,
    };
  } finally {
    await reconnected.close();
    await b.close();
  }
}
