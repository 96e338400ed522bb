import { Dexie, type Table } from 'dexie';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { RoomName } from '../../../shared';
import type { BackupRowStore, BackupRows, BackupTally } from './DeviceStore';
import type { JianyanDb } from './JianyanDb';
import { UNREADABLE_ROW } from './sealedRows';
import type { TabChannel } from './TabChannel';
import type { UnsentCounts } from './UnsentCounts';
import { toValidOutboxRow } from './validRows';

/** How the rows of one table come back from a backup. */
export const RestoreRule = {
  /** Yjs updates by room: a row whose bytes the room's log holds already is not added again. */
  log: 'log',
  /**
   * Like `log`, and the rows added are counted as unsent, so that the sync sends them (C4). An
   * update the device's log (`LOG_TABLE`, as it was before the restore) holds already and does not
   * list as unsent reached the server from here: it is not unsent again.
   */
  unsentLog: 'unsentLog',
  /** Queued operations: one equal to a queued one (same user, operation, document, time, payload) is not queued again. */
  outbox: 'outbox',
  /** Keyed rows: the device's row wins; a row of a key the device lacks (or cannot open) is added. */
  keepDevice: 'keepDevice',
  /** Not in a backup. */
  skip: 'skip',
} as const;
export type RestoreRule = (typeof RestoreRule)[keyof typeof RestoreRule];

/**
 * The tables of a backup and how each comes back. A table not listed here is backed up and comes
 * back with `keepDevice` (by its primary key; by content for an auto-incremented key), so a new
 * table (file bytes, say) is in every backup from the day it exists; a table that needs another
 * rule, or none (a cache rebuilt from the rest, such as a search index), is one line here.
 */
export const BACKUP_TABLES: Readonly<Record<string, RestoreRule>> = {
  updates: RestoreRule.log,
  unsent: RestoreRule.unsentLog,
  outbox: RestoreRule.outbox,
  docs: RestoreRule.keepDevice,
  workspace: RestoreRule.keepDevice,
  activity: RestoreRule.keepDevice,
  notifications: RestoreRule.keepDevice,
  activityList: RestoreRule.keepDevice,
  checkInKeys: RestoreRule.keepDevice,
  // The photos and attachments of the documents, by SHA-256: the same bytes under the same key.
  files: RestoreRule.keepDevice,
  // What the member was typing into a form when the backup was made; the device's own wins.
  formDrafts: RestoreRule.keepDevice,
  // The search index is rebuilt from the documents on the device that restores them.
  searchIndex: RestoreRule.skip,
  // Who is signed in is this device's own record, written at sign-in.
  account: RestoreRule.skip,
};

/** The update log that an `unsentLog` table's rows are part of. */
const LOG_TABLE = 'updates';

function ruleOf(table: string): RestoreRule {
  return BACKUP_TABLES[table] ?? RestoreRule.keepDevice;
}

/** A row of a table whose key is not inside the row, as a backup holds it. */
interface OutboundRow {
  readonly key: unknown;
  readonly value: unknown;
}

type AnyTable = Table<unknown, unknown>;

function hasInboundKey(table: AnyTable): boolean {
  const { keyPath } = table.schema.primKey;
  return typeof keyPath === 'string' && keyPath !== '';
}

/** FNV-1a over the bytes: finds candidates; equality is then checked byte by byte. */
function hashOf(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return `${bytes.byteLength}:${hash >>> 0}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) {
    return false;
  }
  for (let i = 0; i < a.byteLength; i += 1) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}

/** A set of byte strings compared by value. */
class ByteSet {
  readonly #byHash = new Map<string, Uint8Array[]>();

  has(bytes: Uint8Array): boolean {
    return this.#byHash.get(hashOf(bytes))?.some((each) => sameBytes(each, bytes)) ?? false;
  }

  add(bytes: Uint8Array): void {
    const hash = hashOf(bytes);
    this.#byHash.set(hash, [...(this.#byHash.get(hash) ?? []), bytes]);
  }
}

/** A row's content without its key, as bytes (rows hold what lib0 encodes, as sealed rows do). */
function contentOf(row: unknown, keyPath: string | null): Uint8Array {
  const rest: Record<string, unknown> =
    typeof row === 'object' && row !== null ? { ...(row as Record<string, unknown>) } : { row };
  if (keyPath !== null) {
    delete rest[keyPath];
  }
  const encoder = encoding.createEncoder();
  encoding.writeAny(encoder, rest as { [key: string]: encoding.AnyEncodable });
  return encoding.toUint8Array(encoder);
}

function logRowOf(raw: unknown): { readonly docId: RoomName; readonly update: Uint8Array } | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }
  const { docId, update } = raw as Record<string, unknown>;
  return typeof docId === 'string' && update instanceof Uint8Array && update.byteLength > 0
    ? { docId: docId as RoomName, update }
    : null;
}

function outboxIdentity(row: {
  userId: string;
  op: string;
  docId: string;
  createdAt: number;
  payload: unknown;
}): string {
  return JSON.stringify([row.userId, row.op, row.docId, row.createdAt, row.payload ?? null]);
}

/** The backup rows of the Dexie device store (see `BackupRowStore`). */
export class DexieBackupRows implements BackupRowStore {
  readonly #db: JianyanDb;
  readonly #counts: UnsentCounts;
  readonly #channel: TabChannel;

  constructor(db: JianyanDb, counts: UnsentCounts, channel: TabChannel) {
    this.#db = db;
    this.#counts = counts;
    this.#channel = channel;
  }

  async exportRows(): Promise<{ readonly rows: BackupRows; readonly tally: BackupTally }> {
    const db = this.#db;
    await db.open();
    const tables = (db.tables as AnyTable[]).filter((table) => ruleOf(table.name) !== RestoreRule.skip);
    const out: Record<string, unknown[]> = {};
    await db.transaction('r', tables, async () => {
      for (const table of tables) {
        const rows: unknown[] = [];
        const isInbound = hasInboundKey(table);
        await table.toCollection().each((value, cursor) => {
          if (value !== UNREADABLE_ROW && value !== undefined) {
            rows.push(isInbound ? value : ({ key: cursor.primaryKey, value } satisfies OutboundRow));
          }
        });
        out[table.name] = rows;
      }
    });
    const count = (name: string): number => out[name]?.length ?? 0;
    return {
      rows: { tables: out },
      tally: {
        documents: count('docs'),
        unsentUpdates: count('unsent'),
        queuedOperations: count('outbox'),
        rows: Object.values(out).reduce((sum, rows) => sum + rows.length, 0),
      },
    };
  }

  async restoreRows(rows: BackupRows): Promise<BackupTally> {
    const db = this.#db;
    await db.open();
    // Unsent rows first: whether the device's log covers them is judged before the log grows.
    const tables = (db.tables as AnyTable[])
      .filter((table) => ruleOf(table.name) !== RestoreRule.skip && Array.isArray(rows.tables[table.name]))
      .sort(
        (a, b) => Number(ruleOf(b.name) === RestoreRule.unsentLog) - Number(ruleOf(a.name) === RestoreRule.unsentLog),
      );
    const unsentAdded = new Map<RoomName, number[]>();
    const added = new Map<string, number>();
    await db.transaction('rw', tables, async () => {
      for (const table of tables) {
        const incoming = rows.tables[table.name] ?? [];
        const rule = ruleOf(table.name);
        if (rule === RestoreRule.log || rule === RestoreRule.unsentLog) {
          const log = rule === RestoreRule.unsentLog ? (tables.find((each) => each.name === LOG_TABLE) ?? null) : null;
          const seqs = await restoreLog(table, incoming, log);
          if (rule === RestoreRule.unsentLog) {
            for (const [room, seq] of seqs) {
              unsentAdded.set(room, [...(unsentAdded.get(room) ?? []), seq]);
            }
          }
          added.set(table.name, seqs.length);
        } else if (rule === RestoreRule.outbox) {
          added.set(table.name, await restoreOutbox(table, incoming));
        } else {
          added.set(table.name, await restoreKeyed(table, incoming));
        }
      }
    });
    for (const [room, seqs] of unsentAdded) {
      this.#counts.added(room, seqs);
    }
    if ((added.get('outbox') ?? 0) > 0) {
      this.#channel.post({ kind: 'outbox' });
    }
    return {
      documents: added.get('docs') ?? 0,
      unsentUpdates: added.get('unsent') ?? 0,
      queuedOperations: added.get('outbox') ?? 0,
      rows: [...added.values()].reduce((sum, n) => sum + n, 0),
    };
  }
}

/** Whether `update` adds nothing to `doc` (applying it as it checks); one that waits for a missing one never does. */
function isCovered(doc: Y.Doc, update: Uint8Array): boolean {
  const before = Y.snapshot(doc);
  try {
    Y.applyUpdate(doc, update);
  } catch {
    return false;
  }
  const { pendingStructs, pendingDs } = doc.store;
  return pendingStructs === null && pendingDs === null && Y.equalSnapshots(before, Y.snapshot(doc));
}

/**
 * Adds the updates a room's table lacks; with `log`, not those the room's log covers either.
 * Resolves with the rooms and keys of the rows added.
 */
async function restoreLog(
  table: AnyTable,
  incoming: readonly unknown[],
  log: AnyTable | null,
): Promise<[RoomName, number][]> {
  const byRoom = new Map<RoomName, Uint8Array[]>();
  for (const raw of incoming) {
    const row = logRowOf(raw);
    if (row !== null) {
      byRoom.set(row.docId, [...(byRoom.get(row.docId) ?? []), row.update]);
    }
  }
  const added: [RoomName, number][] = [];
  for (const [room, updates] of byRoom) {
    const held = new ByteSet();
    for (const each of await table.where('docId').equals(room).toArray()) {
      const row = logRowOf(each);
      if (row !== null) {
        held.add(row.update);
      }
    }
    const stored = log === null ? null : new Y.Doc({ gc: false });
    if (log !== null && stored !== null) {
      for (const each of await log.where('docId').equals(room).toArray()) {
        const row = logRowOf(each);
        if (row !== null) {
          try {
            Y.applyUpdate(stored, row.update);
          } catch {
            // A row that does not apply covers nothing; the rows it would have covered are added.
          }
        }
      }
    }
    for (const update of updates) {
      if (!held.has(update) && (stored === null || !isCovered(stored, update))) {
        held.add(update);
        added.push([room, Number(await table.add({ docId: room, update }))]);
      }
    }
  }
  return added;
}

/** Queues the operations the outbox does not hold already; resolves with how many. */
async function restoreOutbox(table: AnyTable, incoming: readonly unknown[]): Promise<number> {
  const queued = new Set<string>();
  for (const each of await table.toArray()) {
    const row = toValidOutboxRow(each);
    if (row !== null) {
      queued.add(outboxIdentity(row));
    }
  }
  let count = 0;
  for (const raw of incoming) {
    const row = toValidOutboxRow(raw);
    if (row === null || queued.has(outboxIdentity(row))) {
      continue;
    }
    queued.add(outboxIdentity(row));
    const { seq: _seq, ...rest } = row;
    await table.add(rest);
    count += 1;
  }
  return count;
}

/** Adds the rows of keys the table lacks (or holds unreadable); resolves with how many. */
async function restoreKeyed(table: AnyTable, incoming: readonly unknown[]): Promise<number> {
  const { keyPath, auto } = table.schema.primKey;
  const path = typeof keyPath === 'string' && keyPath !== '' ? keyPath : null;
  let count = 0;
  if (auto || path === null) {
    // No key to compare across devices: a row with the same content is the same row.
    const held = new ByteSet();
    await table.toCollection().each((value, cursor) => {
      held.add(contentOf(path === null ? { key: cursor.primaryKey, value } : value, path));
    });
    for (const raw of incoming) {
      const content = contentOf(raw, path);
      if (held.has(content) || typeof raw !== 'object' || raw === null) {
        continue;
      }
      held.add(content);
      if (path === null) {
        const { key, value } = raw as OutboundRow;
        await table.add(value, auto ? undefined : key);
      } else {
        const { [path]: _key, ...rest } = raw as Record<string, unknown>;
        await table.add(rest);
      }
      count += 1;
    }
    return count;
  }
  const rows = incoming.filter(
    (raw): raw is object => typeof raw === 'object' && raw !== null && Dexie.getByKeyPath(raw, path) !== undefined,
  );
  const existing = await table.bulkGet(rows.map((row) => Dexie.getByKeyPath(row, path)));
  for (const [i, row] of rows.entries()) {
    const held = existing[i];
    if (held === undefined || held === UNREADABLE_ROW) {
      await table.put(row);
      count += 1;
    }
  }
  return count;
}
