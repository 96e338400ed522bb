import { Dexie, type EntityTable } from 'dexie';
import type { DocId, DocKind } from '../../shared';

/** One Yjs update of one document, in the order it was stored. */
export interface UpdateRow {
  readonly seq?: number;
  readonly docId: DocId;
  readonly update: Uint8Array;
}

/** A local-origin update the server has not yet acknowledged (C4). */
export interface UnsentRow {
  readonly seq?: number;
  readonly docId: DocId;
  readonly update: Uint8Array;
}

/** A document known on this device. `kind` is null until the template or the server said. */
export interface DocRecord {
  readonly id: DocId;
  readonly title: string;
  readonly kind: DocKind | null;
  /** Last local change or last change seen on the server, in ms since the epoch. */
  readonly updatedAt: number;
}

/** The typed Dexie database of the app. */
export type JianyanDb = Dexie & {
  updates: EntityTable<UpdateRow, 'seq'>;
  unsent: EntityTable<UnsentRow, 'seq'>;
  docs: EntityTable<DocRecord, 'id'>;
};

/** The name of the production database; tests open others. */
export const DB_NAME = 'jianyan';

/** Opens (lazily, on first use) the app database under `name`. */
export function createDb(name: string = DB_NAME): JianyanDb {
  const db = new Dexie(name) as JianyanDb;
  db.version(1).stores({
    updates: '++seq, docId',
    unsent: '++seq, docId',
    docs: 'id, updatedAt',
  });
  return db;
}
