import type Database from 'better-sqlite3';

/**
 * The table layout of the SQLite file, shared by the document store, the workspace store and the
 * admin commands, which may all have the file open at once. Bumped when the layout changes;
 * opening a newer database refuses to start.
 */
export const STORAGE_SCHEMA_VERSION = 2;

/** Version 1: the relay's update log and document summaries. */
const V1 = `
  CREATE TABLE IF NOT EXISTS updates (
    room TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (room, seq)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT,
    updated_at INTEGER NOT NULL
  );
`;

/**
 * Version 2: people, groups, sessions, tokens, invitations, and document records. Secrets
 * (session and API tokens, invitation and setup links) are stored only as SHA-256 hashes.
 */
const V2 = `
  ALTER TABLE documents ADD COLUMN group_id TEXT;
  ALTER TABLE documents ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
  ALTER TABLE documents ADD COLUMN is_archived INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE documents ADD COLUMN created_by TEXT;
  ALTER TABLE documents ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE documents ADD COLUMN updated_by TEXT;
  UPDATE documents SET kind = 'proposal' WHERE kind IS NULL;
  UPDATE documents SET created_at = updated_at WHERE created_at = 0;
  CREATE INDEX documents_by_group ON documents (group_id, updated_at);

  CREATE TABLE doc_authors (
    doc_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    first_at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, user_id)
  ) WITHOUT ROWID;

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    is_active INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE memberships (
    group_id TEXT NOT NULL REFERENCES groups (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (group_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX memberships_by_user ON memberships (user_id);

  CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX sessions_by_user ON sessions (user_id);

  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    token_hash BLOB NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
  );
  CREATE INDEX api_tokens_by_user ON api_tokens (user_id);

  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash BLOB NOT NULL UNIQUE,
    role TEXT NOT NULL,
    group_ids TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_by TEXT REFERENCES users (id),
    used_at INTEGER
  );

  -- One-time secrets that belong to no user, such as the first-run setup link.
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
`;

const STEPS: readonly string[] = [V1, V2];

/**
 * Brings the file to the current layout, one version at a time, each step in one transaction.
 * Safe to call from several processes: the version is re-read inside an immediate transaction.
 */
export function migrate(db: Database.Database): void {
  const readVersion = (): number => {
    const version = db.pragma('user_version', { simple: true });
    if (typeof version !== 'number' || version > STORAGE_SCHEMA_VERSION) {
      throw new Error(
        `Cannot open database: its layout version ${String(version)} is newer than this server's ${STORAGE_SCHEMA_VERSION}; upgrade the server`,
      );
    }
    return version;
  };
  if (readVersion() === STORAGE_SCHEMA_VERSION) {
    return;
  }
  const step = db.transaction(() => {
    const version = readVersion();
    const sql = STEPS[version];
    if (sql === undefined) {
      return false;
    }
    db.exec(sql);
    db.pragma(`user_version = ${version + 1}`);
    return true;
  });
  while (step.immediate()) {
    // Each pass applies one version.
  }
}
