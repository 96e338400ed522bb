import type { Cosigner, DocRecord } from '../../shared/api/schemas';
import {
  type GroupId,
  parseDocId,
  parseDocKind,
  parseDocStatus,
  parseGroupId,
  parseRole,
  parseUserId,
  type UserId,
} from '../../shared/index';
import type { ApiTokenRecord, InvitationRecord, UserRecord } from './WorkspaceStore';

/**
 * Rows of the workspace tables as better-sqlite3 returns them, and their conversion to records.
 * Rows are read back from a file other processes write too, so each field is checked: a row that
 * does not make sense throws, naming the table and the id, instead of spreading bad values.
 */

export interface UserRow {
  id: string;
  username: string;
  name: string;
  role: string;
  password_hash: string;
  must_change_password: number;
  is_active: number;
  created_at: number;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: Buffer;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface InvitationRow {
  id: string;
  token_hash: Buffer;
  role: string;
  group_ids: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_by: string | null;
  used_at: number | null;
}

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
}

function corrupt(table: string, id: string, field: string): Error {
  return new Error(`Cannot read ${table} row ${id}: its ${field} is not valid; the database was changed by hand?`);
}

function need<T>(value: T | null, table: string, id: string, field: string): T {
  if (value === null) {
    throw corrupt(table, id, field);
  }
  return value;
}

function optionalUserId(text: string | null, table: string, id: string, field: string): UserId | null {
  return text === null ? null : need(parseUserId(text), table, id, field);
}

export function toUserRecord(row: UserRow, groupIds: readonly GroupId[]): UserRecord {
  return {
    id: need(parseUserId(row.id), 'users', row.id, 'id'),
    username: row.username,
    name: row.name,
    role: need(parseRole(row.role), 'users', row.id, 'role'),
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password !== 0,
    isActive: row.is_active !== 0,
    createdAt: row.created_at,
    groupIds,
  };
}

export function toApiTokenRecord(row: ApiTokenRow): ApiTokenRecord {
  return {
    id: row.id,
    userId: need(parseUserId(row.user_id), 'api_tokens', row.id, 'user_id'),
    name: row.name,
    tokenHash: new Uint8Array(row.token_hash),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function parseGroupIdList(text: string, id: string): GroupId[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw corrupt('invitations', id, 'group_ids');
  }
  if (!Array.isArray(parsed)) {
    throw corrupt('invitations', id, 'group_ids');
  }
  return parsed.map((item: unknown) =>
    need(typeof item === 'string' ? parseGroupId(item) : null, 'invitations', id, 'group_ids'),
  );
}

export function toInvitationRecord(row: InvitationRow): InvitationRecord {
  return {
    id: row.id,
    tokenHash: new Uint8Array(row.token_hash),
    role: need(parseRole(row.role), 'invitations', row.id, 'role'),
    groupIds: parseGroupIdList(row.group_ids, row.id),
    createdBy: need(parseUserId(row.created_by), 'invitations', row.id, 'created_by'),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedBy: optionalUserId(row.used_by, 'invitations', row.id, 'used_by'),
    usedAt: row.used_at,
  };
}

export function toDocRecord(row: DocumentRow, authorIds: readonly UserId[], cosigners: readonly Cosigner[]): DocRecord {
  return {
    id: need(parseDocId(row.id), 'documents', row.id, 'id'),
    kind: need(parseDocKind(row.kind), 'documents', row.id, 'kind'),
    groupId: row.group_id === null ? null : need(parseGroupId(row.group_id), 'documents', row.id, 'group_id'),
    title: row.title,
    status: need(parseDocStatus(row.status), 'documents', row.id, 'status'),
    isArchived: row.is_archived !== 0,
    createdBy: optionalUserId(row.created_by, 'documents', row.id, 'created_by'),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: optionalUserId(row.updated_by, 'documents', row.id, 'updated_by'),
    authorIds: [...authorIds],
    cosigners: [...cosigners],
  };
}

/** Groups `(key, value)` rows into a map of lists, keeping the rows' order. */
export function groupBy<K, V>(rows: readonly { key: K; value: V }[]): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const { key, value } of rows) {
    const list = map.get(key);
    if (list === undefined) {
      map.set(key, [value]);
    } else {
      list.push(value);
    }
  }
  return map;
}
