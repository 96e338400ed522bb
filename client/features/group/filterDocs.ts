import type { DocKind, GroupId } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';

export interface DocFilter {
  readonly groupId: GroupId;
  /** Null for every kind. */
  readonly kind: DocKind | null;
  /** Part of the title; case and surrounding spaces do not matter. */
  readonly query: string;
  readonly showArchived: boolean;
  /** A category id (the record's `fields.category`); null or absent for every category. */
  readonly category?: string | null;
}

/** The group's documents the list shows, in the workspace's order (newest change first). */
export function filterDocs(docs: readonly DocRecord[], filter: DocFilter): DocRecord[] {
  const query = filter.query.trim().toLowerCase();
  return docs.filter(
    (doc) =>
      doc.groupId === filter.groupId &&
      (filter.kind === null || doc.kind === filter.kind) &&
      (filter.showArchived || !doc.isArchived) &&
      (filter.category === undefined || filter.category === null || doc.fields.category === filter.category) &&
      (query === '' || doc.title.toLowerCase().includes(query)),
  );
}
