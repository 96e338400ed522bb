import type { AttachmentInfo } from '../../../shared/api/attachments';
import { type AdoptionRecord, parseAdoptionLevel, parseAdoptionType } from '../../../shared/domain/adoptions';
import { parseAttachmentKind, parseMediaType } from '../../../shared/domain/attachments';
import { parseDocId, parseUnitId, parseUserId } from '../../../shared/domain/ids';
import type { StoredAttachment } from '../AttachmentStore';
import { need } from './rowChecks';

/** An `attachments` row, as both adapters read it (sizes and times as numbers, bytes as a Buffer). */
export interface AttachmentRow {
  id: string;
  doc_id: string;
  kind: string;
  name: string;
  media_type: string;
  size: number | string;
  sha256: string;
  uploaded_by: string;
  unit_id: string | null;
  uploaded_at: number | string;
  bytes?: Uint8Array;
}

/** The columns of a list, without the bytes. */
export const ATTACHMENT_INFO_COLUMNS =
  'id, doc_id, kind, name, media_type, size, sha256, uploaded_by, unit_id, uploaded_at';

export function toAttachmentInfo(row: AttachmentRow): AttachmentInfo {
  return {
    id: row.id,
    docId: need(parseDocId(row.doc_id), 'attachments', row.id, 'doc_id'),
    kind: need(parseAttachmentKind(row.kind), 'attachments', row.id, 'kind'),
    name: row.name,
    mediaType: need(parseMediaType(row.media_type), 'attachments', row.id, 'media_type'),
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: need(parseUserId(row.uploaded_by), 'attachments', row.id, 'uploaded_by'),
    unitId: row.unit_id === null ? null : need(parseUnitId(row.unit_id), 'attachments', row.id, 'unit_id'),
    uploadedAt: Number(row.uploaded_at),
  };
}

export function toStoredAttachment(row: AttachmentRow): StoredAttachment {
  const bytes = need(row.bytes ?? null, 'attachments', row.id, 'bytes');
  return { ...toAttachmentInfo(row), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** An `adoption_records` row. `given_by` holds the record's `by` (BY is a word of SQL). */
export interface AdoptionRow {
  id: string;
  doc_id: string;
  type: string;
  level: string;
  given_by: string;
  at: number | string;
  note: string;
  evidence_id: string | null;
  recorded_by: string;
  recorded_at: number | string;
}

export function toAdoption(row: AdoptionRow): AdoptionRecord {
  return {
    id: row.id,
    docId: need(parseDocId(row.doc_id), 'adoption_records', row.id, 'doc_id'),
    type: need(parseAdoptionType(row.type), 'adoption_records', row.id, 'type'),
    level: need(parseAdoptionLevel(row.level), 'adoption_records', row.id, 'level'),
    by: row.given_by,
    at: Number(row.at),
    note: row.note,
    evidenceAttachmentId: row.evidence_id,
    recordedBy: need(parseUserId(row.recorded_by), 'adoption_records', row.id, 'recorded_by'),
    recordedAt: Number(row.recorded_at),
  };
}

/** The values of an insert, in the order of ADOPTION_COLUMNS. */
export const ADOPTION_COLUMNS = 'id, doc_id, type, level, given_by, at, note, evidence_id, recorded_by, recorded_at';

export function adoptionValues(record: AdoptionRecord) {
  return [
    record.id,
    record.docId,
    record.type,
    record.level,
    record.by,
    record.at,
    record.note,
    record.evidenceAttachmentId,
    record.recordedBy,
    record.recordedAt,
  ] as const;
}

export const ATTACHMENT_COLUMNS = `${ATTACHMENT_INFO_COLUMNS}, bytes`;
