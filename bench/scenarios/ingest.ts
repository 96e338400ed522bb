import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { AuthorRecord, DocumentSummary } from '../../server/storage/DocStore';
import { type DocId, newDocId, type RoomName, roomNameOf, type UserId } from '../../shared/index';
import { openBenchDocStore, StoreBackend } from '../lib/benchDocStores';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';

/** Load shape of the storage-ingest scenario. */
export interface IngestOptions {
  readonly updates: number;
  readonly rooms: number;
  /** Updates per transaction, as the relay's group commit writes one per event-loop turn. */
  readonly batchSize: number;
  /** The store written to; SQLite by default. */
  readonly backend?: StoreBackend;
  /** The PostgreSQL server on which the postgres backend creates its database. */
  readonly databaseUrl?: string;
}

/** Figures of the storage-ingest scenario (our document store, in process). */
export interface IngestResult {
  readonly backend: StoreBackend;
  readonly updates: number;
  readonly batches: number;
  readonly elapsedMs: number;
  readonly updatesPerSecond: number;
  readonly batchesPerSecond: number;
  /** Time of each `write` call: tails show WAL checkpoints and other stalls a relay turn would wait on. */
  readonly batchWriteMs: Summary;
  readonly databaseBytes: number;
}

interface Keystroke {
  readonly docId: DocId;
  readonly room: RoomName;
  readonly update: Uint8Array;
}

/** Real one-character Yjs updates, typed round-robin into `rooms` documents. */
function makeKeystrokes(options: IngestOptions): Keystroke[] {
  const docs = Array.from({ length: options.rooms }, () => {
    const docId = newDocId();
    return { docId, room: roomNameOf(docId), doc: new Y.Doc({ gc: false }) };
  });
  const keystrokes: Keystroke[] = [];
  for (const { docId, room, doc } of docs) {
    doc.on('update', (update: Uint8Array) => keystrokes.push({ docId, room, update }));
  }
  for (let i = 0; i < options.updates; i += 1) {
    const entry = docs[i % docs.length];
    if (entry !== undefined) {
      const text = entry.doc.getText('body');
      text.insert(text.length, '言');
    }
  }
  return keystrokes;
}

/** The one typist of every document. */
const AUTHOR = randomUUID() as UserId;

/**
 * One summary per document touched, and the author of documents not written before: an upper
 * bound of what the relay's group commit adds to a batch (it throttles summaries).
 */
function recordsOf(updates: readonly Keystroke[], authored: Set<DocId>): [DocumentSummary[], AuthorRecord[]] {
  const summaries = new Map<DocId, DocumentSummary>();
  const authors: AuthorRecord[] = [];
  const now = Date.now();
  for (const { docId } of updates) {
    summaries.set(docId, { id: docId, title: '', updatedAt: now, updatedBy: AUTHOR });
    if (!authored.has(docId)) {
      authored.add(docId);
      authors.push({ docId, userId: AUTHOR, at: now });
    }
  }
  return [[...summaries.values()], authors];
}

/**
 * Writes small updates through the document store's `write` (`SqliteDocStore`, or `PgDocStore`
 * on a fresh database) in relay-sized batches, one await (one event-loop turn) per batch.
 */
export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const backend = options.backend ?? StoreBackend.sqlite;
  const keystrokes = makeKeystrokes(options);
  const bench = await openBenchDocStore(backend, options.databaseUrl ?? '');
  try {
    await bench.register([...new Set(keystrokes.map(({ docId }) => docId))]);
    const authored = new Set<DocId>();
    let batches = 0;
    const writeMs: number[] = [];
    const start = performance.now();
    for (let offset = 0; offset < keystrokes.length; offset += options.batchSize) {
      const updates = keystrokes.slice(offset, offset + options.batchSize);
      const [documents, authors] = recordsOf(updates, authored);
      const writeStart = performance.now();
      await bench.store.write({ updates, documents, authors });
      writeMs.push(performance.now() - writeStart);
      await new Promise<void>((resolve) => setImmediate(resolve));
      batches += 1;
    }
    const elapsedMs = performance.now() - start;
    return {
      backend,
      updates: keystrokes.length,
      batches,
      elapsedMs: round(elapsedMs, 0),
      updatesPerSecond: round((keystrokes.length * 1_000) / elapsedMs, 0),
      batchesPerSecond: round((batches * 1_000) / elapsedMs, 0),
      batchWriteMs: roundSummary(summarize(writeMs), 3),
      databaseBytes: await bench.sizeBytes(),
    };
  } finally {
    await bench.dispose();
  }
}
