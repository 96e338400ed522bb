import { parseUnitId, type UnitId } from '../../../shared/domain/ids';
import { type GroupId, parseGroupId, parseRole, parseUserId } from '../../../shared/index';
import type { ApiTokenRecord, InvitationRecord, UserRecord } from '../AccountStore';
import { need, optionalUserId } from './rowChecks';

/**
 * Rows of the account tables (`users`, `api_tokens`, `invitations`) as both SQL adapters read
 * them (the layouts share column names and types), and their conversion to records. Each field
 * read back is checked (rowChecks).
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
  unit_id: string | null;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  token_hash: Buffer;
  created_at: number;
  last_used_at: number | null;
  expires_at: number;
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
  revoked_at: number | null;
  unit_id: string | null;
}

/** A nullable unit id column, checked. */
function optionalUnitId(text: string | null, table: string, id: string): UnitId | null {
  return text === null ? null : need(parseUnitId(text), table, id, 'unit_id');
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
    unitId: optionalUnitId(row.unit_id, 'users', row.id),
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
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

function parseGroupIdList(text: string, id: string): GroupId[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const list = need(Array.isArray(parsed) ? (parsed as unknown[]) : null, 'invitations', id, 'group_ids');
  return list.map((item) => need(typeof item === 'string' ? parseGroupId(item) : null, 'invitations', id, 'group_ids'));
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
    revokedAt: row.revoked_at,
    unitId: optionalUnitId(row.unit_id, 'invitations', row.id),
  };
}
