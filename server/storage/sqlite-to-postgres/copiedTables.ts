import type Database from 'better-sqlite3';
import type { PgQueries } from '../postgres/pgQueries';
import { STORAGE_SCHEMA_VERSION } from '../sqlite/sqliteSchema';
import { CopyProblem, CopyRefusal } from './CopyRefusal';

/** One table of the committee, as both layouts hold it (sqliteSchema.ts, pgSchema.ts). */
export interface CopiedTable {
  readonly name: string;
  /** Its columns, the same names in both layouts. */
  readonly columns: readonly string[];
  /**
   * How PostgreSQL numbers its rows, when it does with an identity column `seq`: `column` when
   * SQLite has the same `seq` (its rowid), `rowid` when SQLite keeps the order in its rowid only
   * (doc_cosigners, whose order is the order co-signers were asked). Copied as they are.
   */
  readonly identity?: 'column' | 'rowid';
}

/**
 * Every table of the SQLite layout, parents before the tables that reference them. A table in
 * the SQLite file that is not listed here refuses the copy, so a table added later cannot be
 * left behind silently: list it here, and in pgSchema.ts.
 */
export const COPIED_TABLES: readonly CopiedTable[] = [
  {
    name: 'users',
    columns: [
      'id',
      'username',
      'name',
      'role',
      'password_hash',
      'must_change_password',
      'is_active',
      'created_at',
      'unit_id',
    ],
  },
  { name: 'groups', columns: ['id', 'name', 'created_at'] },
  { name: 'memberships', columns: ['group_id', 'user_id'] },
  { name: 'sessions', columns: ['token_hash', 'user_id', 'created_at', 'expires_at'] },
  {
    name: 'api_tokens',
    columns: ['id', 'user_id', 'name', 'token_hash', 'created_at', 'last_used_at', 'revoked_at', 'expires_at'],
  },
  {
    name: 'invitations',
    columns: [
      'id',
      'token_hash',
      'role',
      'group_ids',
      'created_by',
      'created_at',
      'expires_at',
      'used_by',
      'used_at',
      'revoked_at',
      'unit_id',
    ],
  },
  { name: 'settings', columns: ['key', 'value'] },
  {
    name: 'documents',
    columns: [
      'id',
      'title',
      'kind',
      'updated_at',
      'group_id',
      'status',
      'is_archived',
      'created_by',
      'created_at',
      'updated_by',
      'fields',
    ],
  },
  { name: 'committee_settings', columns: ['key', 'value', 'updated_by', 'updated_at'] },
  { name: 'doc_authors', columns: ['doc_id', 'user_id', 'first_at'] },
  { name: 'updates', columns: ['room', 'seq', 'data', 'author'] },
  { name: 'room_clients', columns: ['room', 'client_id', 'user_id', 'first_at'] },
  {
    name: 'doc_events',
    columns: [
      'seq',
      'id',
      'doc_id',
      'type',
      'actor_id',
      'at',
      'reason',
      'version_id',
      'subject_id',
      'from_status',
      'to_status',
      'request_id',
    ],
    identity: 'column',
  },
  {
    name: 'doc_versions',
    columns: ['seq', 'id', 'doc_id', 'name', 'cause', 'created_by', 'created_at', 'snapshot'],
    identity: 'column',
  },
  {
    name: 'doc_cosigners',
    columns: ['doc_id', 'user_id', 'state', 'invited_by', 'invited_at', 'signed_at', 'snapshot'],
    identity: 'rowid',
  },
  { name: 'doc_reviews', columns: ['doc_id', 'user_id', 'version_id', 'at'] },
  {
    name: 'notifications',
    columns: [
      'seq',
      'id',
      'user_id',
      'type',
      'doc_id',
      'doc_title',
      'actor_id',
      'at',
      'reason',
      'excerpt',
      'thread_id',
      'comment_id',
      'read_at',
    ],
    identity: 'column',
  },
  {
    name: 'webhooks',
    columns: [
      'id',
      'url',
      'events',
      'is_active',
      'secret',
      'created_by',
      'created_at',
      'updated_at',
      'secret_created_at',
    ],
  },
  {
    name: 'webhook_deliveries',
    columns: [
      'seq',
      'id',
      'webhook_id',
      'event',
      'body',
      'created_at',
      'status',
      'attempts',
      'next_attempt_at',
      'claimed_until',
      'lease_token',
      'last_attempt_at',
      'last_response_code',
      'last_error',
      'last_response_excerpt',
    ],
    identity: 'column',
  },
  { name: 'units', columns: ['id', 'name', 'is_active', 'created_at'] },
  { name: 'committee_sessions', columns: ['id', 'name', 'call_deadline', 'is_current', 'created_at'] },
  { name: 'handling_cases', columns: ['doc_id', 'session_id', 'outcome', 'number', 'version', 'data'] },
  { name: 'case_units', columns: ['doc_id', 'unit_id'] },
  {
    name: 'attachments',
    columns: [
      'id',
      'doc_id',
      'kind',
      'name',
      'media_type',
      'size',
      'sha256',
      'uploaded_by',
      'unit_id',
      'uploaded_at',
      'bytes',
    ],
  },
  {
    name: 'adoption_records',
    columns: ['id', 'doc_id', 'type', 'level', 'given_by', 'at', 'note', 'evidence_id', 'recorded_by', 'recorded_at'],
  },
  { name: 'sent_reminders', columns: ['key', 'sent_at'] },
  { name: 'activities', columns: ['id', 'starts_at', 'version', 'data'] },
  { name: 'duty_books', columns: ['user_id', 'year', 'version', 'data'] },
  { name: 'duty_years', columns: ['year', 'version', 'data'] },
  { name: 'doc_credits', columns: ['doc_id', 'user_id', 'chars', 'total', 'comments', 'reviews', 'at'] },
  { name: 'doc_file_blobs', columns: ['sha256', 'size', 'bytes', 'stored_at'] },
  { name: 'doc_file_links', columns: ['doc_id', 'sha256', 'media_type', 'size', 'added_by', 'added_at'] },
];

/** The columns of `table` in PostgreSQL, in the order the copy reads and writes them. */
export function postgresColumns(table: CopiedTable): readonly string[] {
  return table.identity === 'rowid' ? ['seq', ...table.columns] : table.columns;
}

/** What the copy selects from SQLite: the same columns, the rowid standing in for PostgreSQL's `seq`. */
export function sqliteSelectList(table: CopiedTable): string {
  return (table.identity === 'rowid' ? ['rowid AS seq', ...table.columns] : table.columns).join(', ');
}

function differences(found: readonly string[], expected: readonly string[]): string | null {
  const extra = found.filter((name) => !expected.includes(name));
  const missing = expected.filter((name) => !found.includes(name));
  if (extra.length === 0 && missing.length === 0) {
    return null;
  }
  return [
    extra.length > 0 ? `unknown: ${extra.join(', ')}` : '',
    missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
  ]
    .filter((part) => part !== '')
    .join('; ');
}

/**
 * Refuses a SQLite file whose layout is not the one `COPIED_TABLES` describes: another layout
 * version, a table or a column the copy does not know (it would be left behind), or one missing.
 */
export function checkSqliteLayout(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true });
  if (version !== STORAGE_SCHEMA_VERSION) {
    throw new CopyRefusal(
      CopyProblem.sourceLayout,
      `Cannot copy ${file}: its layout is version ${String(version)}, and this version of Jianyan copies version ${STORAGE_SCHEMA_VERSION}. ${
        typeof version === 'number' && version < STORAGE_SCHEMA_VERSION
          ? 'Start the server on it once without DATABASE_URL (that upgrades the file), stop it, and copy again.'
          : 'Copy it with the version of Jianyan that last wrote it.'
      }`,
    );
  }
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    .pluck()
    .all() as string[];
  const tableProblem = differences(
    tables,
    COPIED_TABLES.map((table) => table.name),
  );
  if (tableProblem !== null) {
    throw new CopyRefusal(
      CopyProblem.sourceLayout,
      `Cannot copy ${file}: its tables are not the ones the copy knows (${tableProblem}). Nothing was copied; a table the copy does not know would be left behind.`,
    );
  }
  for (const table of COPIED_TABLES) {
    const columns = (db.pragma(`table_info(${table.name})`) as { name: string }[]).map((column) => column.name);
    const problem = differences(columns, table.columns);
    if (problem !== null) {
      throw new CopyRefusal(
        CopyProblem.sourceLayout,
        `Cannot copy ${file}: the columns of its table ${table.name} are not the ones the copy knows (${problem}).`,
      );
    }
  }
}

/** Refuses a PostgreSQL layout that lacks a table or column of `COPIED_TABLES`, or has one more in them. */
export async function checkPostgresLayout(q: PgQueries): Promise<void> {
  const rows = await q.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1)`,
    COPIED_TABLES.map((table) => table.name),
  );
  for (const table of COPIED_TABLES) {
    const columns = rows.filter((row) => row.table_name === table.name).map((row) => row.column_name);
    const problem = differences(columns, postgresColumns(table));
    if (problem !== null) {
      throw new CopyRefusal(
        CopyProblem.targetLayout,
        `Cannot copy into PostgreSQL: its table ${table.name} does not have the columns the copy writes (${problem}).`,
      );
    }
  }
}
