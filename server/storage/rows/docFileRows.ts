import type { DocFileInfo } from '../../../shared/api/docFiles';
import { DocFileQuota, isSha256, parseDocFileMediaType } from '../../../shared/domain/docFiles';
import { parseUserId } from '../../../shared/domain/ids';
import type { AddDocFileOutcome, DocFileLimits, StoredDocFile } from '../DocFileStore';
import { need } from './rowChecks';

/** A `doc_file_links` row, as both adapters read it (sizes and times as numbers or BIGINT strings). */
export interface DocFileLinkRow {
  doc_id: string;
  sha256: string;
  media_type: string;
  size: number | string;
  added_by: string;
  added_at: number | string;
  /** Joined from `doc_file_blobs` when the bytes are read. */
  bytes?: Uint8Array;
}

/** The columns of a link. */
export const DOC_FILE_LINK_COLUMNS = 'doc_id, sha256, media_type, size, added_by, added_at';

export function toDocFileInfo(row: DocFileLinkRow): DocFileInfo {
  const key = `${row.doc_id}/${row.sha256}`;
  return {
    sha256: need(isSha256(row.sha256) ? row.sha256 : null, 'doc_file_links', key, 'sha256'),
    mediaType: need(parseDocFileMediaType(row.media_type), 'doc_file_links', key, 'media_type'),
    size: Number(row.size),
    addedBy: need(parseUserId(row.added_by), 'doc_file_links', key, 'added_by'),
    addedAt: Number(row.added_at),
  };
}

export function toStoredDocFile(row: DocFileLinkRow): StoredDocFile {
  const bytes = need(row.bytes ?? null, 'doc_file_blobs', row.sha256, 'bytes');
  return { ...toDocFileInfo(row), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** What an adapter has read, inside its transaction, before adding a link. */
export interface AddLinkFacts {
  /** The link already there, if any. */
  readonly existing: DocFileInfo | null;
  readonly size: number;
  readonly documentUsed: number;
  /** Whether some document already holds these bytes (then the committee's usage does not grow). */
  readonly isBlobStored: boolean;
  readonly committeeUsed: number;
}

/**
 * The decision both adapters take inside their transaction (RULES.md DF3, DF4): an existing link
 * answers as it is, whatever the quotas now say; a new one must fit the document's quota, and
 * new bytes the committee's. Null means: insert.
 */
export function judgeAddLink(facts: AddLinkFacts, limits: DocFileLimits): AddDocFileOutcome | null {
  if (facts.existing !== null) {
    return { kind: 'already_linked', file: facts.existing };
  }
  if (facts.documentUsed + facts.size > limits.document) {
    return { kind: 'over_quota', quota: DocFileQuota.document, used: facts.documentUsed, limit: limits.document };
  }
  if (!facts.isBlobStored && facts.committeeUsed + facts.size > limits.committee) {
    return { kind: 'over_quota', quota: DocFileQuota.committee, used: facts.committeeUsed, limit: limits.committee };
  }
  return null;
}
