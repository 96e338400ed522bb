import { type DocId, type DocKind, MAX_TITLE_LENGTH, parseDocId, parseDocKind } from '../../shared';
import type { DocRecord, JianyanDb } from './JianyanDb';

function toValidRecord(row: DocRecord): DocRecord | null {
  const id = typeof row.id === 'string' ? parseDocId(row.id) : null;
  if (id === null || typeof row.updatedAt !== 'number') {
    return null;
  }
  const title = typeof row.title === 'string' ? row.title.slice(0, MAX_TITLE_LENGTH) : '';
  return { id, title, kind: parseDocKind(row.kind), updatedAt: row.updatedAt };
}

/** Documents known on this device, most recently changed first. */
export async function listDocRecords(db: JianyanDb): Promise<DocRecord[]> {
  const rows = await db.docs.orderBy('updatedAt').reverse().toArray();
  return rows.flatMap((row) => {
    const valid = toValidRecord(row);
    return valid === null ? [] : [valid];
  });
}

/** One document's record; null when this device has never stored the document. */
export async function getDocRecord(db: JianyanDb, id: DocId): Promise<DocRecord | null> {
  const row = await db.docs.get(id);
  return row === undefined ? null : toValidRecord(row);
}

export interface DocRecordChange {
  readonly title?: string;
  readonly kind?: DocKind | null;
  readonly updatedAt?: number;
}

/** Creates or updates a document's record; fields not given keep their value. */
export function saveDocRecord(db: JianyanDb, id: DocId, change: DocRecordChange): Promise<void> {
  return db.transaction('rw', db.docs, async () => {
    const current = await db.docs.get(id);
    await db.docs.put({
      id,
      title: change.title ?? current?.title ?? '',
      kind: change.kind ?? current?.kind ?? null,
      updatedAt: Math.max(change.updatedAt ?? 0, current?.updatedAt ?? 0),
    });
  });
}
