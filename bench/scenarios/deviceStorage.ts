import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { createRowCipher, newDataKey } from '../../client/core/keys';
import { createStorageHealth, DexieDeviceStore, type RowCipher } from '../../client/core/storage';
import type { DocRecord, Me } from '../../shared/api/schemas';
import {
  type DocId,
  DocKind,
  DocStatus,
  type GroupId,
  newDocId,
  Role,
  roomNameOf,
  type UserId,
} from '../../shared/index';
import { bodyChars, typeDraft } from '../lib/draftHistory';
import { seededRandom } from '../lib/seededRandom';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';

/** Load shape of the device-storage scenario. */
export interface DeviceStorageOptions {
  /** Characters of the document's body. */
  readonly chars: number;
  /** Rows appended one keystroke at a time after the compacted history (unsent, as offline). */
  readonly unsentRows: number;
  /** Other documents listed in the workspace, as a member's device holds them. */
  readonly listedDocs: number;
  /** Timed keystrokes and timed opens and reloads. */
  readonly keystrokes: number;
  readonly runs: number;
  readonly seed: number;
}

/** The times of one store: rows sealed or in the clear. */
export interface StorageTimes {
  /** Reading the document's log from the device store and applying it to a new Y.Doc. */
  readonly openMs: Summary;
  /** Storing one keystroke's update (log row and unsent record in one transaction). */
  readonly keystrokeMs: Summary;
  /** A reload offline: a new connection, the workspace, the document list, the document and its unsent records. */
  readonly reloadMs: Summary;
}

/** Figures of the device-storage scenario (in process, on fake-indexeddb). */
export interface DeviceStorageResult {
  readonly bodyChars: number;
  readonly historyBytes: number;
  readonly plain: StorageTimes;
  readonly sealed: StorageTimes;
  /** AES-256-GCM alone on one 100 KB row, as the store seals and opens it. */
  readonly sealMBps: number;
  readonly openMBps: number;
}

function timed<T>(run: () => Promise<T>): Promise<number> {
  const start = performance.now();
  return run().then(() => performance.now() - start);
}

async function timeRuns(runs: number, run: () => Promise<unknown>): Promise<Summary> {
  await run(); // untimed: the first run pays for lazy work (JIT, the schema)
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    times.push(await timed(run));
  }
  return roundSummary(summarize(times), 3);
}

/** A document as the workspace lists it. */
function recordOf(id: DocId, groupId: GroupId, title: string): DocRecord {
  return {
    id,
    kind: DocKind.proposal,
    groupId,
    title,
    status: DocStatus.draft,
    isArchived: false,
    createdBy: null,
    createdAt: 1,
    updatedAt: 1,
    updatedBy: null,
    authorIds: [],
    cosigners: [],
    lastReturn: null,
    fields: {},
  };
}

/** One keystroke's update on `doc`, as the editor stores it. */
function keystroke(doc: Y.Doc, char: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('bench').insert(doc.getText('bench').length, char);
  return Y.encodeStateAsUpdate(doc, before);
}

async function measure(
  cipher: RowCipher | null,
  history: Uint8Array,
  options: DeviceStorageOptions,
): Promise<StorageTimes> {
  const name = `bench-device-${crypto.randomUUID()}`;
  const open = () =>
    new DexieDeviceStore({
      name,
      cipher,
      health: createStorageHealth(),
      onBackgroundError: (err) => {
        throw err;
      },
    });
  const docId = newDocId();
  const room = roomNameOf(docId);
  const groupId = crypto.randomUUID() as GroupId;
  const me: Me = {
    id: crypto.randomUUID() as UserId,
    username: 'bench.member',
    name: '测试委员',
    role: Role.member,
    groupIds: [groupId],
    isActive: true,
    mustChangePassword: false,
    unitId: null,
  };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, history);
  const store = open();
  try {
    await store.updates.append(room, history, false);
    for (let index = 0; index < options.unsentRows; index += 1) {
      await store.updates.append(room, keystroke(doc, '议'), true);
    }
    const records = Array.from({ length: options.listedDocs }, (_, index) =>
      recordOf(index === 0 ? docId : newDocId(), groupId, `关于第${index}项工作的提案`),
    );
    await store.workspace.save({ me, groups: [], people: [], docs: records }, { requestedAt: 1, fetchedAt: 2 });

    const openDoc = async (each: DexieDeviceStore) => {
      const opened = new Y.Doc();
      for (const update of await each.updates.read(room)) {
        Y.applyUpdate(opened, update);
      }
      opened.destroy();
    };
    const withNewConnection = async (run: (each: DexieDeviceStore) => Promise<void>) => {
      const each = open();
      try {
        await run(each);
      } finally {
        each.close();
      }
    };
    const openMs = await timeRuns(options.runs, () => withNewConnection(openDoc));
    const keystrokeMs = await timeRuns(options.keystrokes, () =>
      store.updates.append(room, keystroke(doc, '案'), true),
    );
    const reloadMs = await timeRuns(options.runs, () =>
      withNewConnection(async (each) => {
        await each.workspace.read();
        await each.docs.list();
        await openDoc(each);
        await each.updates.listUnsent(room);
      }),
    );
    return { openMs, keystrokeMs, reloadMs };
  } finally {
    await store.delete();
  }
}

function throughput(cipher: RowCipher): { sealMBps: number; openMBps: number } {
  const row = Uint8Array.from({ length: 100_000 }, (_, index) => (index * 31) & 255);
  const rounds = 50;
  let sealed = cipher.seal(row, 'updates');
  let start = performance.now();
  for (let index = 0; index < rounds; index += 1) {
    sealed = cipher.seal(row, 'updates');
  }
  const sealMs = performance.now() - start;
  start = performance.now();
  for (let index = 0; index < rounds; index += 1) {
    cipher.open(sealed, 'updates');
  }
  const openMs = performance.now() - start;
  const megabytes = (rounds * row.byteLength) / 1e6;
  return { sealMBps: round((megabytes / sealMs) * 1000, 1), openMBps: round((megabytes / openMs) * 1000, 1) };
}

/**
 * A 20,000-character proposal's history on a device store whose rows are in the clear, then on
 * one whose rows are sealed (the app's): times opening it, storing a keystroke and a reload
 * offline, so that the difference is what sealing costs. In process on fake-indexeddb, whose own
 * costs differ from a browser's; the cipher's share is the same code the browser runs.
 */
export async function runDeviceStorage(options: DeviceStorageOptions): Promise<DeviceStorageResult> {
  const draft = typeDraft(options.chars, seededRandom(options.seed));
  const history = Y.encodeStateAsUpdate(draft);
  const cipher = createRowCipher(newDataKey());
  const plain = await measure(null, history, options);
  const sealed = await measure(cipher, history, options);
  return { bodyChars: bodyChars(draft), historyBytes: history.byteLength, plain, sealed, ...throughput(cipher) };
}
