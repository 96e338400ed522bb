import type Database from 'better-sqlite3';

/**
 * The table layout of the SQLite file, shared by the document store, the record stores and the
 * admin commands, which may all have the file open at once. Bumped when the layout changes;
 * opening a newer database refuses to start.
 */
export const STORAGE_SCHEMA_VERSION = 13;

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

/**
 * Version 3: live review. The timeline of each document (append-only: triggers refuse changes,
 * and a transition's request id is unique so that a retried request is done once), named
 * versions (`Y.encodeSnapshot` of the content), co-signers with the snapshot each signed, each
 * reviewer's last reviewed version, and the notification inbox (a mention is stored once per
 * comment and person).
 */
const V3 = `
  CREATE TABLE doc_events (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL,
    type TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    reason TEXT,
    version_id TEXT,
    subject_id TEXT,
    from_status TEXT,
    to_status TEXT,
    request_id TEXT UNIQUE
  );
  CREATE INDEX doc_events_by_doc ON doc_events (doc_id, seq);
  CREATE TRIGGER doc_events_no_update BEFORE UPDATE ON doc_events
    BEGIN SELECT RAISE(ABORT, 'doc_events is append-only'); END;
  CREATE TRIGGER doc_events_no_delete BEFORE DELETE ON doc_events
    BEGIN SELECT RAISE(ABORT, 'doc_events is append-only'); END;

  CREATE TABLE doc_versions (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL,
    name TEXT NOT NULL,
    cause TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    snapshot BLOB NOT NULL
  );
  CREATE INDEX doc_versions_by_doc ON doc_versions (doc_id, seq);

  -- The rowid keeps the order in which co-signers were first asked or signed.
  CREATE TABLE doc_cosigners (
    doc_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    state TEXT NOT NULL,
    invited_by TEXT,
    invited_at INTEGER,
    signed_at INTEGER,
    snapshot BLOB,
    UNIQUE (doc_id, user_id)
  );

  CREATE TABLE doc_reviews (
    doc_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    version_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, user_id)
  ) WITHOUT ROWID;

  CREATE TABLE notifications (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    type TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    doc_title TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    reason TEXT,
    excerpt TEXT,
    thread_id TEXT,
    comment_id TEXT,
    read_at INTEGER,
    UNIQUE (doc_id, comment_id, user_id)
  );
  CREATE INDEX notifications_by_user ON notifications (user_id, seq);
`;

/**
 * Version 4: account recovery. API tokens expire (tokens made before get 90 days from the
 * upgrade, so that no script stops at once), and an invitation can be revoked before it is used.
 */
const V4 = `
  ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
  UPDATE api_tokens SET expires_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000 + 7776000000;
  ALTER TABLE invitations ADD COLUMN revoked_at INTEGER;
`;

/**
 * Version 5: who wrote what. Each stored update records the user whose connection sent it (null
 * for older rows and for merged updates), and each room's Yjs client ids their owner, the user
 * who first sent structs under them, kept through compaction (RULES.md D6).
 */
const V5 = `
  ALTER TABLE updates ADD COLUMN author TEXT;
  CREATE TABLE room_clients (
    room TEXT NOT NULL,
    client_id INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    first_at INTEGER NOT NULL,
    PRIMARY KEY (room, client_id)
  ) WITHOUT ROWID;
`;

/**
 * Version 6: webhooks the secretariat configures, and their deliveries, each stored before it is
 * sent (an outbox). `events` is a JSON array of event names; the secret is kept as it is, since
 * every delivery is signed with it. A worker claims a due delivery by setting `claimed_until` and
 * a fresh `lease_token`; a claim whose lease has passed is due again.
 */
const V6 = `
  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    is_active INTEGER NOT NULL,
    secret TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    secret_created_at INTEGER NOT NULL
  );
  CREATE TABLE webhook_deliveries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    webhook_id TEXT NOT NULL,
    event TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER,
    claimed_until INTEGER,
    lease_token TEXT,
    last_attempt_at INTEGER,
    last_response_code INTEGER,
    last_error TEXT,
    last_response_excerpt TEXT
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
  CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, seq);
`;

/**
 * Version 7: what becomes of a proposal after the office's decision. Handling units and the
 * committee's sessions; one row per decided proposal, its case kept as JSON (shared/domain/handling.ts)
 * with a version that every change bumps; the units a case is handed to, for the access check;
 * and the unit a handling unit's account (and its invitation) answers for.
 */
const V7 = `
  CREATE TABLE units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    is_active INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE committee_sessions (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    call_deadline INTEGER,
    is_current INTEGER NOT NULL,
    created_at INTEGER NOT NULL
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

/**
 * Version 8: the structured fields of each document (基本信息), mirrored by the relay from the
 * content as a JSON object (`{}` until first written), and the committee's settings the
 * secretariat edits (the category list, and later the checks before submitting), one JSON value
 * per key.
 */
const V8 = `
  ALTER TABLE documents ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
  CREATE TABLE committee_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_by TEXT,
    updated_at INTEGER NOT NULL
  );
`;

/**
 * Version 9: files tied to documents (a unit's reply letter, the secretariat's evidence), their
 * bytes in the row, and the records of the use made of reports (forwarded, adopted, instructed).
 */
const V9 = `
  CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    unit_id TEXT,
    uploaded_at INTEGER NOT NULL,
    bytes BLOB NOT NULL
  );
  CREATE INDEX attachments_by_doc ON attachments (doc_id, uploaded_at);
  CREATE TABLE adoption_records (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    type TEXT NOT NULL,
    level TEXT NOT NULL,
    given_by TEXT NOT NULL,
    at INTEGER NOT NULL,
    note TEXT NOT NULL,
    evidence_id TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
  );
  CREATE INDEX adoption_records_by_doc ON adoption_records (doc_id, at);
`;

/** Version 10: the reminders of a call for proposals already sent, so that no process sends one twice. */
const V10 = `
  CREATE TABLE sent_reminders (
    key TEXT PRIMARY KEY,
    sent_at INTEGER NOT NULL
  );
`;

/** Version 11: activities (meetings, inspections, research…), each stored whole as JSON with its version. */
const V11 = `
  CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    starts_at INTEGER NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
  );
`;

/**
 * Version 12: the duty record's writing: each member's book of a year and the office's settings
 * of a year, stored whole as JSON with a version; the credits of each decided document (who
 * wrote how much of its final text, commented and reviewed), a row with an empty user id
 * marking a document read with no one credited.
 */
const V12 = `
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
    at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, user_id)
  );
`;

/**
 * Version 13: the files a document's text shows or links to: each distinct byte string once,
 * keyed by its SHA-256, and a link per document and file (never removed: older versions of the
 * text may still show it).
 */
const V13 = `
  CREATE TABLE doc_file_blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    stored_at INTEGER NOT NULL
  );
  CREATE TABLE doc_file_links (
    doc_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    added_by TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (doc_id, sha256)
  );
`;

const STEPS: readonly string[] = [V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13];

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
