import { type DocId, type DocKind, newDocId, templateUpdate } from '../../shared';
import type { JianyanDb } from './JianyanDb';
import { announceUnsentChange } from './unsentCount';

/**
 * Creates a document on this device, seeded with its kind's template (C5). The template update
 * is deterministic, so the same template applied on another device merges into one copy. It is
 * stored as the first update and recorded as unsent, like any local edit; opening a document
 * never seeds it again.
 */
export async function createDocument(db: JianyanDb, kind: DocKind, now: number = Date.now()): Promise<DocId> {
  const docId = newDocId();
  const update = templateUpdate(kind);
  await db.transaction('rw', db.updates, db.unsent, db.docs, async () => {
    await db.updates.add({ docId, update });
    await db.unsent.add({ docId, update });
    await db.docs.put({ id: docId, title: '', kind, updatedAt: now });
  });
  announceUnsentChange(docId);
  return docId;
}
