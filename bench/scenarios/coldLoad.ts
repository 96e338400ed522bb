import * as Y from 'yjs';
import type { UpdateToStore } from '../../server/storage/DocStore';
import { newDocId, type RoomName, roomNameOf } from '../../shared/index';
import { BenchClient } from '../lib/BenchClient';
import { openBenchDocStore, type StoreBackend } from '../lib/benchDocStores';
import type { RunningServer } from '../lib/serverProcess';
import { median, round } from '../lib/stats';
import { sleep, waitFor } from '../lib/waitFor';

/** Load shape of the cold-load scenario. */
export interface ColdLoadOptions {
  /** Single-keystroke updates in the room's history. */
  readonly historyUpdates: number;
  readonly repeats: number;
  /** Wait after the last client left, so the relay can unload the room. */
  readonly unloadWaitMs: number;
}

/** Timings of repeated connect -> synced runs. */
export interface LoadTimings {
  readonly runsMs: number[];
  readonly medianMs: number;
  readonly maxMs: number;
}

/** Figures of the cold-load scenario against one relay. */
export interface ColdLoadResult {
  readonly historyUpdates: number;
  /** Time to send the history and see all of it from a second client. */
  readonly buildMs: number;
  /** Another client stays connected, so the room is in memory. */
  readonly inMemory: LoadTimings;
  /** Every client left and `unloadWaitMs` passed before each run. */
  readonly afterUnload: LoadTimings;
  readonly serverRssKb: number;
}

const TEXT_NAME = 'body';
const KEYSTROKES = '建言献策履职尽责';
/** Updates sent before waiting for the socket buffer to drain, to bound bench memory. */
const SEND_CHUNK = 1_000;
const BUILD_TIMEOUT_MS = 120_000;
const SYNC_TIMEOUT_MS = 30_000;

async function typeHistory(url: string, count: number): Promise<BenchClient> {
  const writer = await BenchClient.open({ url, shouldSendLocalUpdates: true });
  await writer.sync(SYNC_TIMEOUT_MS);
  const text = writer.doc.getText(TEXT_NAME);
  for (let i = 0; i < count; i += 1) {
    text.insert(text.length, KEYSTROKES[i % KEYSTROKES.length] ?? 'x');
    if ((i + 1) % SEND_CHUNK === 0) {
      await waitFor(() => writer.bufferedAmount === 0, BUILD_TIMEOUT_MS, 'the history to leave the socket');
    }
  }
  return writer;
}

/** Connects a fresh client and resolves with connect -> synced ms, checking the whole history arrived. */
async function timeLoad(url: string, expectedLength: number): Promise<number> {
  const start = performance.now();
  const client = await BenchClient.open({ url });
  try {
    await client.sync(SYNC_TIMEOUT_MS);
    const ms = performance.now() - start;
    const length = client.doc.getText(TEXT_NAME).length;
    if (length !== expectedLength) {
      throw new Error(`A new client loaded ${length} characters, expected ${expectedLength}`);
    }
    return ms;
  } finally {
    await client.close();
  }
}

/** Polls with fresh clients until one sees the whole history (the relay has stored all of it). */
async function awaitHistory(url: string, expectedLength: number): Promise<void> {
  const deadline = performance.now() + BUILD_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const checker = await BenchClient.open({ url });
    await checker.sync(SYNC_TIMEOUT_MS);
    const length = checker.doc.getText(TEXT_NAME).length;
    await checker.close();
    if (length >= expectedLength) {
      return;
    }
    await sleep(250);
  }
  throw new Error(`The relay did not hold all ${expectedLength} updates within ${BUILD_TIMEOUT_MS} ms`);
}

function timings(runsMs: number[]): LoadTimings {
  const rounded = runsMs.map((ms) => round(ms, 1));
  return { runsMs: rounded, medianMs: round(median(runsMs), 1), maxMs: round(Math.max(...runsMs), 1) };
}

/** Builds a long keystroke history, then times new clients loading it from memory and after unload. */
export async function runColdLoad(server: RunningServer, options: ColdLoadOptions): Promise<ColdLoadResult> {
  const [room = ''] = await server.newRooms(1);
  const url = server.roomUrl(room);
  const buildStart = performance.now();
  const writer = await typeHistory(url, options.historyUpdates);
  try {
    await awaitHistory(url, options.historyUpdates);
  } catch (err) {
    await writer.close();
    throw err;
  }
  const buildMs = performance.now() - buildStart;
  const inMemory: number[] = [];
  try {
    for (let run = 0; run < options.repeats; run += 1) {
      inMemory.push(await timeLoad(url, options.historyUpdates));
    }
  } finally {
    await writer.close();
  }
  const afterUnload: number[] = [];
  for (let run = 0; run < options.repeats; run += 1) {
    await sleep(options.unloadWaitMs);
    afterUnload.push(await timeLoad(url, options.historyUpdates));
  }
  return {
    historyUpdates: options.historyUpdates,
    buildMs: round(buildMs, 0),
    inMemory: timings(inMemory),
    afterUnload: timings(afterUnload),
    serverRssKb: server.sample().rssKb,
  };
}

/** Load shape of the in-process cold load: one room read back from the document store. */
export interface StoreColdLoadOptions {
  readonly backend: StoreBackend;
  /** The PostgreSQL server on which the postgres backend creates its database. */
  readonly databaseUrl: string;
  /** Single-keystroke updates in the room's log. */
  readonly historyUpdates: number;
  readonly repeats: number;
}

/** Figures of the in-process cold load against one store. */
export interface StoreColdLoadResult {
  readonly backend: StoreBackend;
  readonly historyUpdates: number;
  /** `load(room)`: the stored updates read back. */
  readonly load: LoadTimings;
  /** The room's Y.Doc built from them, as the relay builds it (`server/relay/loadRoomDoc.ts`). */
  readonly build: LoadTimings;
  readonly total: LoadTimings;
}

/** Updates per write while the history is stored; that part is not timed. */
const HISTORY_BATCH = 500;

/** One room's keystroke history, one update per character, as a writer's socket would send it. */
function keystrokeUpdates(count: number): { room: RoomName; updates: UpdateToStore[] } {
  const docId = newDocId();
  const room = roomNameOf(docId);
  const doc = new Y.Doc({ gc: false });
  const updates: UpdateToStore[] = [];
  doc.on('update', (update: Uint8Array) => updates.push({ room, update }));
  const text = doc.getText(TEXT_NAME);
  for (let i = 0; i < count; i += 1) {
    text.insert(text.length, KEYSTROKES[i % KEYSTROKES.length] ?? 'x');
  }
  doc.destroy();
  return { room, updates };
}

/**
 * Stores a long keystroke history of one room through the real document store, then times
 * `load(room)` and building the room's Y.Doc from what it returned, `repeats` times.
 */
export async function runStoreColdLoad(options: StoreColdLoadOptions): Promise<StoreColdLoadResult> {
  const { loadRoomDoc } = await import('../../server/relay/loadRoomDoc');
  const { room, updates } = keystrokeUpdates(options.historyUpdates);
  const bench = await openBenchDocStore(options.backend, options.databaseUrl);
  try {
    for (let offset = 0; offset < updates.length; offset += HISTORY_BATCH) {
      const batch = updates.slice(offset, offset + HISTORY_BATCH);
      await bench.store.write({ updates: batch, documents: [], authors: [] });
    }
    const loads: number[] = [];
    const builds: number[] = [];
    for (let run = 0; run < options.repeats; run += 1) {
      const start = performance.now();
      const stored = await bench.store.load(room);
      const loaded = performance.now();
      const { doc } = loadRoomDoc(room, stored);
      builds.push(performance.now() - loaded);
      loads.push(loaded - start);
      const length = doc.getText(TEXT_NAME).length;
      doc.destroy();
      if (length !== options.historyUpdates) {
        throw new Error(
          `The ${options.backend} store gave back ${length} characters, expected ${options.historyUpdates}`,
        );
      }
    }
    return {
      backend: options.backend,
      historyUpdates: options.historyUpdates,
      load: timings(loads),
      build: timings(builds),
      total: timings(loads.map((ms, index) => ms + (builds[index] ?? 0))),
    };
  } finally {
    await bench.dispose();
  }
}
