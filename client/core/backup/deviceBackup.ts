import type { BackupRowStore, BackupRows, BackupTally } from '../storage';
import { type BackupContents, type BackupOwner, backupFileName, writeBackup } from './backupFile';

/** Where a backup being made is. */
export type BackupStage = 'reading' | 'sealing';

/** A backup made: the file's bytes and name, and what it holds. */
export interface MadeBackup {
  readonly file: Uint8Array<ArrayBuffer>;
  readonly fileName: string;
  readonly tally: BackupTally;
}

/** Backs up every row of the account on this device, sealed with `password` (docs/DEVICE.md). */
export async function backUpDevice(options: {
  readonly store: Pick<BackupRowStore, 'exportRows'>;
  readonly owner: BackupOwner;
  readonly password: string;
  readonly iterations?: number;
  readonly onStage?: (stage: BackupStage) => void;
  readonly now?: Date;
}): Promise<MadeBackup> {
  options.onStage?.('reading');
  const { rows, tally } = await options.store.exportRows();
  options.onStage?.('sealing');
  const now = options.now ?? new Date();
  const file = await writeBackup(rows, tally, options.owner, options.password, {
    now: now.getTime(),
    ...(options.iterations === undefined ? {} : { iterations: options.iterations }),
  });
  return { file, fileName: backupFileName(options.owner.username, now), tally };
}

/**
 * The queued operations this device has restored from backups already, by a hash of each: an
 * operation restored, sent and gone from the outbox is not queued again by a second restore.
 */
export interface RestoredOperations {
  has(hash: string): boolean;
  addAll(hashes: readonly string[]): void;
}

const LEDGER_PREFIX = 'jianyan-restored-operations';
/** The hashes kept per account: far more than a member queues between two restores. */
const MAX_LEDGER_ENTRIES = 5000;

/** The ledger in this browser's local storage (hashes only: nothing readable). */
export function localRestoredOperations(userId: string): RestoredOperations {
  const key = `${LEDGER_PREFIX}:${userId}`;
  const read = (): string[] => {
    try {
      const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
      return Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : [];
    } catch {
      return [];
    }
  };
  return {
    has: (hash) => read().includes(hash),
    addAll(hashes) {
      const all = [...new Set([...read(), ...hashes])].slice(-MAX_LEDGER_ENTRIES);
      localStorage.setItem(key, JSON.stringify(all));
    },
  };
}

/** A ledger in memory (tests; browsers without local storage). */
export function memoryRestoredOperations(): RestoredOperations {
  const hashes = new Set<string>();
  return {
    has: (hash) => hashes.has(hash),
    addAll(added) {
      for (const hash of added) {
        hashes.add(hash);
      }
    },
  };
}

async function operationHash(userId: string, row: unknown): Promise<string> {
  const { op, docId, createdAt, payload } = (typeof row === 'object' && row !== null ? row : {}) as Record<
    string,
    unknown
  >;
  const identity = JSON.stringify([userId, op, docId, createdAt, payload ?? null]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(identity));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Merges an opened backup into the account's store: Yjs updates into the logs (restoring twice,
 * or over newer state, loses nothing), unsent updates as unsent, queued operations once. The
 * normal sync then sends what the server lacks. Resolves with what was added.
 */
export async function restoreDevice(options: {
  readonly store: Pick<BackupRowStore, 'restoreRows'>;
  readonly contents: BackupContents;
  readonly restored: RestoredOperations;
}): Promise<BackupTally> {
  const { header, rows } = options.contents;
  const operations = rows.tables.outbox ?? [];
  const hashes = await Promise.all(operations.map((row) => operationHash(header.userId, row)));
  const fresh = operations.filter((_, i) => !options.restored.has(hashes[i] ?? ''));
  const merged: BackupRows = { tables: { ...rows.tables, outbox: fresh } };
  const added = await options.store.restoreRows(merged);
  options.restored.addAll(hashes);
  return added;
}
