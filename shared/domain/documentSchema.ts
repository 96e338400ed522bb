import type * as Y from 'yjs';

/**
 * The version of the content document's schema (its shared types and the editor's node types).
 * A client that knows an older version opens a newer document read-only, so that it cannot
 * strip content it does not understand.
 */
export const CONTENT_SCHEMA_VERSION = 2;

/** The first schema version whose documents may hold `photo` and `fileLink` elements (RULES.md D8). */
export const FILE_NODES_SCHEMA_VERSION = 2;

/** Names of the shared types in a content Y.Doc. */
export const ContentField = {
  /** Y.Map with `schemaVersion` (number) and `kind` (DocKind). */
  meta: 'meta',
  /** Y.Text: the document title. */
  title: 'title',
  /** Y.XmlFragment bound to the Tiptap editor. */
  body: 'body',
  /**
   * Y.Map in which `Y.PermanentUserData` keeps who wrote what: user id -> { ids: Y.Array of
   * the user's Yjs client ids, ds: Y.Array of encoded delete sets }. Judged by RULES.md D1-D2.
   */
  authors: 'authors',
  /**
   * Y.Map of the kind's structured fields (基本信息): field key -> a plain JSON value, last writer
   * wins per field (shared/domain/documentFields.ts). Judged by RULES.md D7.
   */
  fields: 'fields',
} as const;

export const MetaKey = {
  schemaVersion: 'schemaVersion',
  kind: 'kind',
} as const;

/** The kinds of document a committee drafts. */
export const DocKind = {
  proposal: 'proposal',
  researchReport: 'research_report',
  socialInfo: 'social_info',
} as const;
export type DocKind = (typeof DocKind)[keyof typeof DocKind];

export const DOC_KINDS: readonly DocKind[] = [DocKind.proposal, DocKind.researchReport, DocKind.socialInfo];

export function parseDocKind(value: unknown): DocKind | null {
  return DOC_KINDS.find((kind) => kind === value) ?? null;
}

/** The schema version stored in a content document; null when the document has none yet. */
export function readSchemaVersion(doc: Y.Doc): number | null {
  const value = doc.getMap(ContentField.meta).get(MetaKey.schemaVersion);
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

/**
 * Raises a document whose stored format predates this schema (photos and attachments came with
 * version 2) to this schema's version, before content of the newer format goes in, so that an
 * older app opens it read-only rather than dropping what it does not know (C6). A document with no
 * version yet (its template not synced) is left alone.
 */
export function raiseSchemaVersion(doc: Y.Doc): void {
  const version = readSchemaVersion(doc);
  if (version !== null && version < CONTENT_SCHEMA_VERSION) {
    doc.getMap(ContentField.meta).set(MetaKey.schemaVersion, CONTENT_SCHEMA_VERSION);
  }
}

/** The kind stored in a content document; null when unknown or absent. */
export function readDocKind(doc: Y.Doc): DocKind | null {
  return parseDocKind(doc.getMap(ContentField.meta).get(MetaKey.kind));
}

/** Whether a client that knows `knownVersion` may edit a document of `docVersion`. */
export function canEditSchema(docVersion: number | null, knownVersion: number = CONTENT_SCHEMA_VERSION): boolean {
  return docVersion === null || docVersion <= knownVersion;
}
