import * as Y from 'yjs';
import { BenchClient } from '../lib/BenchClient';
import { bodyChars, typeDraft } from '../lib/draftHistory';
import { seededRandom } from '../lib/seededRandom';
import type { RunningServer } from '../lib/serverProcess';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';
import { mapWithConcurrency, sleep, waitFor } from '../lib/waitFor';

/** Load shape of the background-sync scenario. */
export interface BackgroundSyncOptions {
  /** The documents of the member's groups, all registered and written before the new device comes. */
  readonly documents: number;
  /** Documents the new device synchronises at once, as the browser's background sync does. */
  readonly concurrency: number;
  /** After seeding, so that our relay has unloaded every room and loads each from storage. */
  readonly unloadWaitMs: number;
}

/** What one document's content is, built once and shared by both relays' runs. */
export interface Draft {
  readonly update: Uint8Array;
  readonly chars: number;
}

/** Figures of the background-sync scenario against one relay. */
export interface BackgroundSyncResult {
  readonly documents: number;
  /** Documents whose full content arrived. */
  readonly synced: number;
  readonly charsPerDocument: number;
  readonly seedMs: number;
  /** From the first socket to the last document on the device. */
  readonly totalMs: number;
  /** Per document: socket open -> content applied and the server's step 1 answered. */
  readonly perDocumentMs: Summary;
  /** Websocket payload bytes, without framing and the HTTP upgrade. */
  readonly bytesReceived: number;
  readonly bytesSent: number;
  /** What the documents hold, as `encodeStateAsUpdate` encodes them: the least a device must receive. */
  readonly minimalBytes: number;
  readonly serverCpuMs: number;
  readonly serverRssKb: number;
}

/** Builds `count` different drafts of about `chars` characters each, from a seed. */
export function buildDrafts(count: number, chars: number, seed: number): Draft[] {
  return Array.from({ length: count }, (_, index) => {
    const doc = typeDraft(chars, seededRandom(seed + index));
    const draft = { update: Y.encodeStateAsUpdate(doc), chars: bodyChars(doc) };
    doc.destroy();
    return draft;
  });
}

const SYNC_TIMEOUT_MS = 30_000;
/** Writers that seed the documents at once. */
const SEED_CONCURRENCY = 8;
/** The new device is the second person of the bench group (a member, not the secretariat). */
const DEVICE_PERSON = 1;

/** Writes each draft into its room and waits until the relay has stored it. */
async function seed(server: RunningServer, rooms: readonly string[], drafts: readonly Draft[]): Promise<void> {
  await mapWithConcurrency(rooms.length, SEED_CONCURRENCY, async (index) => {
    const draft = drafts[index % drafts.length];
    const room = rooms[index];
    if (draft === undefined || room === undefined) {
      throw new Error(`No draft or room for document ${index}`);
    }
    const writer = await BenchClient.open({ url: server.roomUrl(room, index) });
    try {
      await writer.sync(SYNC_TIMEOUT_MS);
      writer.sendUpdate(draft.update);
      // The answer to a step 1 leaves only after everything received before it is stored.
      await writer.sync(SYNC_TIMEOUT_MS);
    } finally {
      await writer.close();
    }
  });
}

interface DocumentRun {
  readonly ms: number;
  readonly isComplete: boolean;
  readonly bytesReceived: number;
  readonly bytesSent: number;
}

/** Brings one document onto the new device: handshake, content, close. */
async function fetchDocument(server: RunningServer, room: string, expectedChars: number): Promise<DocumentRun> {
  const start = performance.now();
  const client = await BenchClient.open({ url: server.roomUrl(room, DEVICE_PERSON), doc: new Y.Doc({ gc: false }) });
  try {
    await client.sync(SYNC_TIMEOUT_MS);
    await waitFor(() => client.step1Received > 0, SYNC_TIMEOUT_MS, 'the relay’s step 1');
    const ms = performance.now() - start;
    return {
      ms,
      isComplete: bodyChars(client.doc) === expectedChars,
      bytesReceived: client.bytesReceived,
      bytesSent: client.bytesSent,
    };
  } finally {
    await client.close();
  }
}

/**
 * A member's documents, registered and written earlier, are brought onto a new device a few at a
 * time: each is a new socket with the member's token, a step 1 with an empty state vector, the
 * whole document in the relay's step 2, and the device's answer to the relay's step 1.
 */
export async function runBackgroundSync(
  server: RunningServer,
  options: BackgroundSyncOptions,
  drafts: readonly Draft[],
): Promise<BackgroundSyncResult> {
  const rooms = await server.newRooms(options.documents);
  const seedStart = performance.now();
  await seed(server, rooms, drafts);
  const seedMs = performance.now() - seedStart;
  await sleep(options.unloadWaitMs);
  const before = server.sample();
  const start = performance.now();
  const runs = await mapWithConcurrency(rooms.length, options.concurrency, (index) =>
    fetchDocument(server, rooms[index] ?? '', drafts[index % drafts.length]?.chars ?? -1),
  );
  const totalMs = performance.now() - start;
  const after = server.sample();
  const sum = (pick: (run: DocumentRun) => number) => runs.reduce((total, run) => total + pick(run), 0);
  const minimalBytes = rooms.reduce(
    (total, _room, index) => total + (drafts[index % drafts.length]?.update.byteLength ?? 0),
    0,
  );
  return {
    documents: rooms.length,
    synced: runs.filter((run) => run.isComplete).length,
    charsPerDocument: round(drafts.reduce((total, draft) => total + draft.chars, 0) / Math.max(1, drafts.length), 0),
    seedMs: round(seedMs, 0),
    totalMs: round(totalMs, 0),
    perDocumentMs: roundSummary(summarize(runs.map((run) => run.ms))),
    bytesReceived: sum((run) => run.bytesReceived),
    bytesSent: sum((run) => run.bytesSent),
    minimalBytes,
    serverCpuMs: round(after.cpuMs - before.cpuMs, 0),
    serverRssKb: after.rssKb,
  };
}
