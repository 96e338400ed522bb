import type { DocId, DocKind } from '../../../shared';
import type { DocRecord } from '../../storage/JianyanDb';

/** A document as `GET /api/docs` lists it. */
export interface ServerDoc {
  readonly id: DocId;
  readonly title: string;
  readonly kind: DocKind | null;
  readonly updatedAt: number;
}

export type DocLocation = 'device' | 'server' | 'both';

/** One row of the document list. */
export interface ListedDoc {
  readonly id: DocId;
  readonly title: string;
  readonly kind: DocKind | null;
  readonly updatedAt: number;
  readonly where: DocLocation;
}

/**
 * Merges the documents on this device with those on the server, newest first. When both know a
 * document, the more recent side's title wins (this device on a tie: its edits may be unsent).
 */
export function mergeDocLists(local: readonly DocRecord[], server: readonly ServerDoc[] | null): ListedDoc[] {
  const merged = new Map<DocId, ListedDoc>();
  for (const record of local) {
    merged.set(record.id, { ...record, where: 'device' });
  }
  for (const doc of server ?? []) {
    const mine = merged.get(doc.id);
    if (mine === undefined) {
      merged.set(doc.id, { id: doc.id, title: doc.title, kind: doc.kind, updatedAt: doc.updatedAt, where: 'server' });
    } else {
      const isServerNewer = doc.updatedAt > mine.updatedAt;
      merged.set(doc.id, {
        ...mine,
        title: isServerNewer ? doc.title : mine.title,
        kind: mine.kind ?? doc.kind,
        updatedAt: Math.max(doc.updatedAt, mine.updatedAt),
        where: 'both',
      });
    }
  }
  return [...merged.values()].sort((a, b) => b.updatedAt - a.updatedAt || a.id.localeCompare(b.id));
}

/** The documents whose title contains `query`, ignoring case and surrounding spaces. */
export function filterByTitle(docs: readonly ListedDoc[], query: string): readonly ListedDoc[] {
  const needle = query.trim().toLocaleLowerCase();
  return needle === '' ? docs : docs.filter((doc) => doc.title.toLocaleLowerCase().includes(needle));
}
