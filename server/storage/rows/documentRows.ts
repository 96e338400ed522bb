import type { Cosigner, DocRecord, LastReturn } from '../../../shared/api/schemas';
import type { UnitId } from '../../../shared/domain/ids';
import {
  type DocFields,
  type DocKind,
  parseDocId,
  parseDocKind,
  parseDocStatus,
  parseGroupId,
  pickFields,
  type UserId,
} from '../../../shared/index';
import type { DocAccessRecord } from '../DocRecordStore';
import { need, optionalUserId } from './rowChecks';

/**
 * Rows of the `documents` table as both SQL adapters read them (the layouts share column names
 * and types), and their conversion to records. Each field read back is checked (rowChecks).
 */

export interface DocumentRow {
  id: string;
  title: string;
  kind: string | null;
  group_id: string | null;
  status: string;
  is_archived: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
  /** The fields as JSON (documentFields.ts); `{}` until the relay first wrote them. */
  fields: string;
}

/** The fields of a documents row that access is decided on (DocAccessRecord), checked like a whole record's. */
export function toAccessRecord(row: DocumentRow, handlingUnitIds: readonly UnitId[]): DocAccessRecord {
  const { id, kind, groupId, status, isArchived, createdBy } = toDocRecord(row, [], []);
  const units = handlingUnitIds.length === 0 ? {} : { handlingUnitIds: [...handlingUnitIds] };
  return { id, kind, groupId, status, isArchived, createdBy, ...units };
}

/** The stored fields, valid ones only; unreadable JSON is a damaged row and throws. */
function fieldsOf(row: DocumentRow, kind: DocKind): DocFields {
  try {
    return pickFields(kind, JSON.parse(row.fields));
  } catch {
    throw new Error(`Stored data is damaged: documents ${row.id} has fields that are not JSON`);
  }
}

export function toDocRecord(
  row: DocumentRow,
  authorIds: readonly UserId[],
  cosigners: readonly Cosigner[],
  lastReturn: LastReturn | null = null,
  handlingUnitIds: readonly UnitId[] = [],
): DocRecord {
  const t = 'documents';
  const kind = need(parseDocKind(row.kind), t, row.id, 'kind');
  return {
    id: need(parseDocId(row.id), t, row.id, 'id'),
    kind,
    groupId: row.group_id === null ? null : need(parseGroupId(row.group_id), t, row.id, 'group_id'),
    title: row.title,
    status: need(parseDocStatus(row.status), t, row.id, 'status'),
    isArchived: row.is_archived !== 0,
    createdBy: optionalUserId(row.created_by, t, row.id, 'created_by'),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: optionalUserId(row.updated_by, t, row.id, 'updated_by'),
    authorIds: [...authorIds],
    cosigners: [...cosigners],
    lastReturn,
    // Absent until the proposal is handed to a unit, as the API describes it.
    ...(handlingUnitIds.length === 0 ? {} : { handlingUnitIds: [...handlingUnitIds] }),
    fields: fieldsOf(row, kind),
  };
}
