import { PG_LOCKS, type Transact } from './pgQueries';

/**
 * The table layout in PostgreSQL. It holds what the SQLite layout holds (sqlite/sqliteSchema.ts),
 * with the same table and column names and column types that read back alike (times and flags
 * as integers, bytes as BYTEA), so that the row checks of `../rows/` serve both adapters.
 * Bumped when the layout changes; opening a newer database refuses to start.
 */
export const PG_SCHEMA_VERSION = 9;

/** Version 1: the layout of SQLite version 5, in one step. */
const V1 = `
  CREATE TABLE updates (
    room TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    author TEXT,
    PRIMARY KEY (room, seq)
  );
  CREATE TABLE room_clients (
    room TEXT NOT NULL,
    client_id BIGINT NOT NULL,
    user_id TEXT NOT NULL,
    first_at BIGINT NOT NULL,
    PRIMARY KEY (room, client_id)
  );

  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    group_id TEXT,
    status TEXT NOT NULL DEFAULT 'draft',
    is_archived INTEGER NOT NULL DEFAULT 0,
    created_by TEXT,
    created_at BIGINT NOT NULL,
    updated_by TEXT
  );
  CREATE INDEX documents_by_group ON documents (group_id, updated_at);
  CREATE TABLE doc_authors (
    doc_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    first_at BIGINT NOT NULL,
    PRIMARY KEY (doc_id, user_id)
  );

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    is_active INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE memberships (
    group_id TEXT NOT NULL REFERENCES groups (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (group_id, user_id)
  );
  CREATE INDEX memberships_by_user ON memberships (user_id);
  CREATE TABLE sessions (
    token_hash BYTEA PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    token_hash BYTEA NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT,
    expires_at BIGINT NOT NULL
  );
  CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash BYTEA NOT NULL UNIQUE,
    role TEXT NOT NULL,
    group_ids TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_by TEXT REFERENCES users (id),
    used_at BIGINT,
    revoked_at BIGINT
  );
  -- One-time secrets that belong to no user, such as the first-run setup link.
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE doc_events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL,
    type TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    reason TEXT,
    version_id TEXT,
    subject_id TEXT,
    from_status TEXT,
    to_status TEXT,
    request_id TEXT UNIQUE
  );
  CREATE INDEX doc_events_by_doc ON doc_events (doc_id, seq);
  CREATE FUNCTION doc_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'doc_events is append-only'; END;
  $$;
  CREATE TRIGGER doc_events_no_change BEFORE UPDATE OR DELETE ON doc_events
    FOR EACH ROW EXECUTE FUNCTION doc_events_append_only();
  CREATE TABLE doc_versions (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL,
    name TEXT NOT NULL,
    cause TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    snapshot BYTEA NOT NULL
  );
  CREATE INDEX doc_versions_by_doc ON doc_versions (doc_id, seq);
  -- seq keeps the order in which co-signers were first asked or signed (SQLite's rowid).
  CREATE TABLE doc_cosigners (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    doc_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    state TEXT NOT NULL,
    invited_by TEXT,
    invited_at BIGINT,
    signed_at BIGINT,
    snapshot BYTEA,
    UNIQUE (doc_id, user_id)
  );
  CREATE TABLE doc_reviews (
    doc_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    version_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (doc_id, user_id)
  );
  CREATE TABLE notifications (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    type TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    doc_title TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    reason TEXT,
    excerpt TEXT,
    thread_id TEXT,
    comment_id TEXT,
    read_at BIGINT,
    UNIQUE (doc_id, comment_id, user_id)
  );
  CREATE INDEX notifications_by_user ON notifications (user_id, seq);
`;

/** Version 2: the webhooks and their deliveries of SQLite version 6. */
const V2 = `
  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    is_active INTEGER NOT NULL,
    secret TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    secret_created_at BIGINT NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    webhook_id TEXT NOT NULL,
    event TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT,
    claimed_until BIGINT,
    lease_token TEXT,
    last_attempt_at BIGINT,
    last_response_code INTEGER,
    last_error TEXT,
    last_response_excerpt TEXT
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
  CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, seq);
`;

/** Version 3: units, sessions and handling cases of SQLite version 7. */
const V3 = `
  CREATE TABLE units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    is_active INTEGER NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE committee_sessions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    call_deadline BIGINT,
    is_current INTEGER NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE handling_cases (
    doc_id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    number INTEGER,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE UNIQUE INDEX handling_cases_number ON handling_cases (session_id, number) WHERE outcome = 'filed';
  CREATE TABLE case_units (
    doc_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, unit_id)
  );
  CREATE INDEX case_units_by_unit ON case_units (unit_id);
  ALTER TABLE users ADD COLUMN unit_id TEXT;
  ALTER TABLE invitations ADD COLUMN unit_id TEXT;
`;

/** Version 4: the documents' fields and the committee's settings of SQLite version 8. */
const V4 = `
  ALTER TABLE documents ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
  CREATE TABLE committee_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_by TEXT,
    updated_at BIGINT NOT NULL
  );
`;

/** Version 5: the attachments and the records of the use made of reports of SQLite version 9. */
const V5 = `
  CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    unit_id TEXT,
    uploaded_at BIGINT NOT NULL,
    bytes BYTEA NOT NULL
  );
  CREATE INDEX attachments_by_doc ON attachments (doc_id, uploaded_at);
  CREATE TABLE adoption_records (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    type TEXT NOT NULL,
    level TEXT NOT NULL,
    given_by TEXT NOT NULL,
    at BIGINT NOT NULL,
    note TEXT NOT NULL,
    evidence_id TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at BIGINT NOT NULL
  );
  CREATE INDEX adoption_records_by_doc ON adoption_records (doc_id, at);
`;

/** Version 6: the reminders already sent, of SQLite version 10. */
const V6 = `
  CREATE TABLE sent_reminders (
    key TEXT PRIMARY KEY,
    sent_at BIGINT NOT NULL
  );
`;

/** Version 7: the activities of SQLite version 11. */
const V7 = `
  CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    starts_at BIGINT NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  );
`;

/** Version 8: the duty record's books, years and document credits of SQLite version 12. */
const V8 = `
  CREATE TABLE duty_books (
    user_id TEXT NOT NULL,
    year INTEGER NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (user_id, year)
  );
  CREATE INDEX duty_books_by_year ON duty_books (year);
  CREATE TABLE duty_years (
    year INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE doc_credits (
    doc_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    chars INTEGER NOT NULL,
    total INTEGER NOT NULL,
    comments INTEGER NOT NULL,
    reviews INTEGER NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (doc_id, user_id)
  );
`;

/** Version 9: the document files (blobs once per SHA-256, links per document) of SQLite version 13. */
const V9 = `
  CREATE TABLE doc_file_blobs (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    bytes BYTEA NOT NULL,
    stored_at BIGINT NOT NULL
  );
  CREATE TABLE doc_file_links (
    doc_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    added_by TEXT NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (doc_id, sha256)
  );
`;

const STEPS: readonly string[] = [V1, V2, V3, V4, V5, V6, V7, V8, V9];

/**
 * Brings the schema to the current layout, one version per transaction, under an advisory lock
 * so that processes starting together migrate once. The version is kept in `schema_version`.
 */
export async function migrate(transact: Transact): Promise<void> {
  for (;;) {
    const isDone = await transact(
      'migrate the database',
      async (q) => {
        await q.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
        const row = await q.get<{ version: number }>('SELECT version FROM schema_version');
        const version = row?.version ?? 0;
        if (version > PG_SCHEMA_VERSION) {
          throw new Error(
            `Cannot open database: its layout version ${version} is newer than this server's ${PG_SCHEMA_VERSION}; upgrade the server`,
          );
        }
        const sql = STEPS[version];
        if (sql === undefined) {
          return true;
        }
        await q.run(sql);
        await (row === undefined
          ? q.run('INSERT INTO schema_version (version) VALUES ($1)', version + 1)
          : q.run('UPDATE schema_version SET version = $1', version + 1));
        return false;
      },
      { lock: PG_LOCKS.migrate },
    );
    if (isDone) {
      return;
    }
  }
}
