import { randomUUID, timingSafeEqual } from 'node:crypto';
import Database from 'better-sqlite3';
import type { DocRecord, Group } from '../../shared/api/schemas';
import { type DocId, type GroupId, parseGroupId, parseUserId, type UserId } from '../../shared/index';
import { migrate } from './sqliteSchema';
import {
  type ApiTokenRow,
  type DocumentRow,
  groupBy,
  type InvitationRow,
  toApiTokenRecord,
  toDocRecord,
  toInvitationRecord,
  toUserRecord,
  type UserRow,
} from './sqliteWorkspaceRows';
import {
  type ApiTokenRecord,
  type InvitationRecord,
  type NewDocument,
  type NewUser,
  type OneTimeLinkOutcome,
  type RosterPlan,
  type SessionRecord,
  type SetPasswordOptions,
  type UserRecord,
  WorkspaceConflictError,
  type WorkspaceStore,
} from './WorkspaceStore';

/** How long a writer waits for another process (the relay's connection, an admin command) to release the lock. */
const BUSY_TIMEOUT_MS = 5_000;
/** The settings key of the first-run setup link's hashed secret. */
const SETUP_TOKEN_KEY = 'setup_token_hash';

type Param = string | number | bigint | Buffer | null;

export interface SqliteWorkspaceStoreOptions {
  /** Path of the database file, shared with the document store; created when missing. */
  readonly path: string;
  /** The clock for times the store sets itself (roster imports); Date.now by default. */
  readonly now?: () => number;
}

function blob(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/**
 * The workspace's records in the same SQLite file as the documents, on a connection of its own
 * (WAL, so the relay's writes and this connection's reads do not block each other). Writes that
 * read before they write run in IMMEDIATE transactions, so another process cannot slip in between.
 */
export class SqliteWorkspaceStore implements WorkspaceStore {
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #statements = new Map<string, Database.Statement>();
  #isClosed = false;

  constructor(options: SqliteWorkspaceStoreOptions) {
    this.#db = new Database(options.path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(this.#db);
    this.#now = options.now ?? Date.now;
  }

  // ---- People ----

  countUsers(): Promise<number> {
    return this.#read('count accounts', () => this.#get<{ n: number }>('SELECT count(*) AS n FROM users')?.n ?? 0);
  }

  createUser(user: NewUser): Promise<UserRecord> {
    return this.#write('create an account', () => this.#insertUser(user));
  }

  getUser(id: UserId): Promise<UserRecord | null> {
    return this.#read('read an account', () => this.#userWhere('id = ?', id));
  }

  findUserByUsername(username: string): Promise<UserRecord | null> {
    return this.#read('find an account', () => this.#userWhere('username = ?', username.toLowerCase()));
  }

  listUsers(): Promise<UserRecord[]> {
    return this.#read('list accounts', () => {
      const memberships = this.#membershipsByUser();
      return this.#all<UserRow>('SELECT * FROM users ORDER BY username').map((row) =>
        toUserRecord(row, memberships.get(row.id) ?? []),
      );
    });
  }

  setUserActive(id: UserId, isActive: boolean): Promise<UserRecord | null> {
    return this.#write('change an account', () => {
      if (this.#run('UPDATE users SET is_active = ? WHERE id = ?', isActive ? 1 : 0, id).changes === 0) {
        return null;
      }
      if (!isActive) {
        this.#run('DELETE FROM sessions WHERE user_id = ?', id);
      }
      return this.#userWhere('id = ?', id);
    });
  }

  setPasswordHash(id: UserId, passwordHash: string, options: SetPasswordOptions): Promise<void> {
    return this.#write('change a password', () => {
      const mustChange = options.mustChangePassword === true ? 1 : 0;
      this.#run(
        'UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?',
        passwordHash,
        mustChange,
        id,
      );
      if (options.endSessions) {
        const keep =
          options.keepSession === undefined || options.keepSession === null ? null : blob(options.keepSession);
        this.#run('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?', id, keep);
      }
    });
  }

  // ---- First run ----

  setSetupTokenHash(tokenHash: Uint8Array): Promise<void> {
    return this.#write('store the setup link', () => {
      this.#run(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        SETUP_TOKEN_KEY,
        blob(tokenHash).toString('hex'),
      );
    });
  }

  completeSetup(tokenHash: Uint8Array, user: NewUser): Promise<OneTimeLinkOutcome> {
    return this.#write('create the first account', (): OneTimeLinkOutcome => {
      const stored = this.#get<{ value: string }>('SELECT value FROM settings WHERE key = ?', SETUP_TOKEN_KEY);
      const isCurrent = stored !== undefined && sameBytes(Buffer.from(stored.value, 'hex'), tokenHash);
      const count = this.#get<{ n: number }>('SELECT count(*) AS n FROM users')?.n ?? 0;
      if (!isCurrent || count > 0) {
        return { kind: 'gone' };
      }
      const created = this.#insertUser(user);
      this.#run('DELETE FROM settings WHERE key = ?', SETUP_TOKEN_KEY);
      return { kind: 'created', user: created };
    });
  }

  // ---- Sessions ----

  createSession(session: SessionRecord): Promise<void> {
    return this.#write('store a session', () => {
      this.#run(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
        blob(session.tokenHash),
        session.userId,
        session.createdAt,
        session.expiresAt,
      );
    });
  }

  findSession(tokenHash: Uint8Array): Promise<SessionRecord | null> {
    return this.#read('read a session', () => {
      const row = this.#get<{ token_hash: Buffer; user_id: string; created_at: number; expires_at: number }>(
        'SELECT * FROM sessions WHERE token_hash = ?',
        blob(tokenHash),
      );
      const userId = row === undefined ? null : parseUserId(row.user_id);
      if (row === undefined || userId === null) {
        return null;
      }
      return {
        tokenHash: new Uint8Array(row.token_hash),
        userId,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      };
    });
  }

  deleteSession(tokenHash: Uint8Array): Promise<void> {
    return this.#write('end a session', () => {
      this.#run('DELETE FROM sessions WHERE token_hash = ?', blob(tokenHash));
    });
  }

  deleteExpiredSessions(now: number): Promise<number> {
    return this.#write(
      'delete expired sessions',
      () => this.#run('DELETE FROM sessions WHERE expires_at <= ?', now).changes,
    );
  }

  // ---- API tokens ----

  createApiToken(token: Omit<ApiTokenRecord, 'lastUsedAt' | 'revokedAt'>): Promise<ApiTokenRecord> {
    return this.#write('store an API token', () => {
      this.#run(
        'INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
        token.id,
        token.userId,
        token.name,
        blob(token.tokenHash),
        token.createdAt,
      );
      return { ...token, lastUsedAt: null, revokedAt: null };
    });
  }

  findApiToken(tokenHash: Uint8Array): Promise<ApiTokenRecord | null> {
    return this.#read('read an API token', () => {
      const row = this.#get<ApiTokenRow>('SELECT * FROM api_tokens WHERE token_hash = ?', blob(tokenHash));
      return row === undefined ? null : toApiTokenRecord(row);
    });
  }

  listApiTokens(userId: UserId): Promise<ApiTokenRecord[]> {
    return this.#read('list API tokens', () =>
      this.#all<ApiTokenRow>(
        'SELECT * FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id',
        userId,
      ).map(toApiTokenRecord),
    );
  }

  revokeApiToken(userId: UserId, id: string, at: number): Promise<boolean> {
    return this.#write('revoke an API token', () => {
      const sql = 'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL';
      return this.#run(sql, at, id, userId).changes > 0;
    });
  }

  touchApiToken(id: string, at: number): Promise<void> {
    return this.#write('record the use of an API token', () => {
      this.#run('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', at, id);
    });
  }

  // ---- Groups ----

  createGroup(group: { readonly id: GroupId; readonly name: string; readonly createdAt: number }): Promise<Group> {
    return this.#write('create a group', () => {
      this.#assertGroupNameFree(group.name, null);
      this.#run('INSERT INTO groups (id, name, created_at) VALUES (?, ?, ?)', group.id, group.name, group.createdAt);
      return { id: group.id, name: group.name, createdAt: group.createdAt, memberIds: [] };
    });
  }

  renameGroup(id: GroupId, name: string): Promise<Group | null> {
    return this.#write('rename a group', () => {
      this.#assertGroupNameFree(name, id);
      this.#run('UPDATE groups SET name = ? WHERE id = ?', name, id);
      return this.#groupById(id);
    });
  }

  getGroup(id: GroupId): Promise<Group | null> {
    return this.#read('read a group', () => this.#groupById(id));
  }

  listGroups(): Promise<Group[]> {
    return this.#read('list groups', () => {
      const members = this.#membersByGroup();
      return this.#all<{ id: string; name: string; created_at: number }>('SELECT * FROM groups ORDER BY name').flatMap(
        (row) => {
          const id = parseGroupId(row.id);
          return id === null
            ? []
            : [{ id, name: row.name, createdAt: row.created_at, memberIds: members.get(id) ?? [] }];
        },
      );
    });
  }

  addMember(groupId: GroupId, userId: UserId): Promise<Group | null> {
    return this.#write('add a member', () => {
      if (this.#groupById(groupId) === null) {
        return null;
      }
      this.#run('INSERT OR IGNORE INTO memberships (group_id, user_id) VALUES (?, ?)', groupId, userId);
      return this.#groupById(groupId);
    });
  }

  removeMember(groupId: GroupId, userId: UserId): Promise<Group | null> {
    return this.#write('remove a member', () => {
      this.#run('DELETE FROM memberships WHERE group_id = ? AND user_id = ?', groupId, userId);
      return this.#groupById(groupId);
    });
  }

  // ---- Invitations ----

  createInvitation(invitation: Omit<InvitationRecord, 'usedBy' | 'usedAt'>): Promise<InvitationRecord> {
    return this.#write('store an invitation', () => {
      this.#run(
        `INSERT INTO invitations (id, token_hash, role, group_ids, created_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        invitation.id,
        blob(invitation.tokenHash),
        invitation.role,
        JSON.stringify(invitation.groupIds),
        invitation.createdBy,
        invitation.createdAt,
        invitation.expiresAt,
      );
      return { ...invitation, usedBy: null, usedAt: null };
    });
  }

  findInvitation(tokenHash: Uint8Array): Promise<InvitationRecord | null> {
    return this.#read('read an invitation', () => {
      const row = this.#get<InvitationRow>('SELECT * FROM invitations WHERE token_hash = ?', blob(tokenHash));
      return row === undefined ? null : toInvitationRecord(row);
    });
  }

  listOpenInvitations(now: number): Promise<InvitationRecord[]> {
    return this.#read('list invitations', () =>
      this.#all<InvitationRow>(
        'SELECT * FROM invitations WHERE used_at IS NULL AND expires_at > ? ORDER BY created_at DESC, id',
        now,
      ).map(toInvitationRecord),
    );
  }

  acceptInvitation(
    invitationId: string,
    user: Omit<NewUser, 'role' | 'groupIds'>,
    now: number,
  ): Promise<OneTimeLinkOutcome> {
    return this.#write('join through an invitation', (): OneTimeLinkOutcome => {
      const row = this.#get<InvitationRow>('SELECT * FROM invitations WHERE id = ?', invitationId);
      if (row === undefined || row.used_at !== null || row.expires_at <= now) {
        return { kind: 'gone' };
      }
      const invitation = toInvitationRecord(row);
      // A group may have been removed since the invitation was made: join those that remain.
      const groupIds = invitation.groupIds.filter((id) => this.#groupById(id) !== null);
      const created = this.#insertUser({ ...user, role: invitation.role, groupIds });
      this.#run('UPDATE invitations SET used_by = ?, used_at = ? WHERE id = ?', created.id, now, invitationId);
      return { kind: 'created', user: created };
    });
  }

  // ---- Documents ----

  createDocument(doc: NewDocument): Promise<{ readonly isCreated: boolean; readonly record: DocRecord }> {
    return this.#write('register a document', () => {
      const existing = this.#documentById(doc.id);
      if (existing !== null) {
        return { isCreated: false, record: existing };
      }
      this.#run(
        `INSERT INTO documents
           (id, title, kind, group_id, status, is_archived, created_by, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, 'draft', 0, ?, ?, ?, ?)`,
        doc.id,
        doc.title,
        doc.kind,
        doc.groupId,
        doc.createdBy,
        doc.createdAt,
        doc.createdAt,
        doc.createdBy,
      );
      this.#run(
        'INSERT OR IGNORE INTO doc_authors (doc_id, user_id, first_at) VALUES (?, ?, ?)',
        doc.id,
        doc.createdBy,
        doc.createdAt,
      );
      const record = this.#documentById(doc.id);
      if (record === null) {
        throw new Error(`Cannot register document ${doc.id}: it is not there after the insert`);
      }
      return { isCreated: true, record };
    });
  }

  getDocument(id: DocId): Promise<DocRecord | null> {
    return this.#read('read a document record', () => this.#documentById(id));
  }

  listDocuments(): Promise<DocRecord[]> {
    return this.#read('list document records', () => {
      const authors = this.#authorsByDocument(null);
      return this.#all<DocumentRow>('SELECT * FROM documents ORDER BY updated_at DESC, id').map((row) =>
        toDocRecord(row, authors.get(row.id) ?? []),
      );
    });
  }

  setDocumentArchived(id: DocId, isArchived: boolean): Promise<DocRecord | null> {
    return this.#write('archive a document', () => {
      this.#run('UPDATE documents SET is_archived = ? WHERE id = ?', isArchived ? 1 : 0, id);
      return this.#documentById(id);
    });
  }

  // ---- Roster ----

  importRoster(plan: RosterPlan): Promise<{ createdGroups: string[] }> {
    return this.#write('import a roster', () => {
      const taken = plan.accounts
        .map((account) => account.username)
        .filter((username) => this.#get('SELECT 1 FROM users WHERE username = ?', username) !== undefined);
      if (taken.length > 0) {
        throw new WorkspaceConflictError('username', taken);
      }
      const now = this.#now();
      const createdGroups: string[] = [];
      const groupIdByName = new Map<string, GroupId>();
      for (const name of new Set([...plan.groupNames, ...plan.accounts.flatMap((a) => a.groupNames)])) {
        const row = this.#get<{ id: string }>('SELECT id FROM groups WHERE name = ?', name);
        const existing = row === undefined ? null : parseGroupId(row.id);
        const id = existing ?? (randomUUID() as GroupId);
        if (existing === null) {
          this.#run('INSERT INTO groups (id, name, created_at) VALUES (?, ?, ?)', id, name, now);
          createdGroups.push(name);
        }
        groupIdByName.set(name, id);
      }
      for (const account of plan.accounts) {
        const groupIds = account.groupNames.flatMap((name) => groupIdByName.get(name) ?? []);
        this.#insertUser({
          ...account,
          id: randomUUID() as UserId,
          mustChangePassword: true,
          createdAt: now,
          groupIds,
        });
      }
      return { createdGroups };
    });
  }

  close(): Promise<void> {
    if (!this.#isClosed) {
      this.#isClosed = true;
      this.#db.close();
    }
    return Promise.resolve();
  }

  // ---- Internals: each runs inside a #read or #write ----

  #insertUser(user: NewUser): UserRecord {
    if (this.#get('SELECT 1 FROM users WHERE username = ?', user.username) !== undefined) {
      throw new WorkspaceConflictError('username', [user.username]);
    }
    this.#run(
      `INSERT INTO users (id, username, name, role, password_hash, must_change_password, is_active, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
      user.id,
      user.username,
      user.name,
      user.role,
      user.passwordHash,
      user.mustChangePassword === true ? 1 : 0,
      user.createdAt,
    );
    for (const groupId of new Set(user.groupIds)) {
      this.#run('INSERT OR IGNORE INTO memberships (group_id, user_id) VALUES (?, ?)', groupId, user.id);
    }
    const created = this.#userWhere('id = ?', user.id);
    if (created === null) {
      throw new Error(`Cannot create account ${user.username}: it is not there after the insert`);
    }
    return created;
  }

  #userWhere(condition: 'id = ?' | 'username = ?', value: string): UserRecord | null {
    const row = this.#get<UserRow>(`SELECT * FROM users WHERE ${condition}`, value);
    if (row === undefined) {
      return null;
    }
    const groupIds = this.#all<{ group_id: string }>(
      'SELECT group_id FROM memberships WHERE user_id = ? ORDER BY group_id',
      row.id,
    ).flatMap((m) => parseGroupId(m.group_id) ?? []);
    return toUserRecord(row, groupIds);
  }

  #membershipsByUser(): Map<string, GroupId[]> {
    const rows = this.#all<{ group_id: string; user_id: string }>(
      'SELECT group_id, user_id FROM memberships ORDER BY user_id, group_id',
    );
    return groupBy(
      rows.flatMap((r) =>
        parseGroupId(r.group_id) === null ? [] : [{ key: r.user_id, value: r.group_id as GroupId }],
      ),
    );
  }

  #membersByGroup(): Map<string, UserId[]> {
    const rows = this.#all<{ group_id: string; user_id: string }>(
      'SELECT group_id, user_id FROM memberships ORDER BY group_id, user_id',
    );
    return groupBy(
      rows.flatMap((r) => (parseUserId(r.user_id) === null ? [] : [{ key: r.group_id, value: r.user_id as UserId }])),
    );
  }

  #groupById(id: GroupId): Group | null {
    const row = this.#get<{ id: string; name: string; created_at: number }>('SELECT * FROM groups WHERE id = ?', id);
    if (row === undefined) {
      return null;
    }
    const memberIds = this.#all<{ user_id: string }>(
      'SELECT user_id FROM memberships WHERE group_id = ? ORDER BY user_id',
      id,
    ).flatMap((m) => parseUserId(m.user_id) ?? []);
    return { id, name: row.name, createdAt: row.created_at, memberIds };
  }

  #assertGroupNameFree(name: string, exceptId: GroupId | null): void {
    const row = this.#get<{ id: string }>('SELECT id FROM groups WHERE name = ?', name);
    if (row !== undefined && row.id !== exceptId) {
      throw new WorkspaceConflictError('group_name', [name]);
    }
  }

  #documentById(id: DocId): DocRecord | null {
    const row = this.#get<DocumentRow>('SELECT * FROM documents WHERE id = ?', id);
    return row === undefined ? null : toDocRecord(row, this.#authorsByDocument(id).get(id) ?? []);
  }

  /** Authors of one document (or all), the creator first, then in the order they first wrote. */
  #authorsByDocument(docId: DocId | null): Map<string, UserId[]> {
    const rows = this.#all<{ doc_id: string; user_id: string }>(
      `SELECT a.doc_id, a.user_id FROM doc_authors a JOIN documents d ON d.id = a.doc_id
       WHERE ? IS NULL OR a.doc_id = ?
       ORDER BY a.doc_id, a.user_id IS d.created_by DESC, a.first_at, a.user_id`,
      docId,
      docId,
    );
    return groupBy(
      rows.flatMap((r) => (parseUserId(r.user_id) === null ? [] : [{ key: r.doc_id, value: r.user_id as UserId }])),
    );
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #get<R>(sql: string, ...params: Param[]): R | undefined {
    return this.#statement(sql).get(...params) as R | undefined;
  }

  #all<R>(sql: string, ...params: Param[]): R[] {
    return this.#statement(sql).all(...params) as R[];
  }

  #run(sql: string, ...params: Param[]): Database.RunResult {
    return this.#statement(sql).run(...params);
  }

  #read<T>(operation: string, body: () => T): Promise<T> {
    return this.#attempt(operation, body);
  }

  /** Runs `body` in an IMMEDIATE transaction: it holds the write lock from its first read. */
  #write<T>(operation: string, body: () => T): Promise<T> {
    return this.#attempt(operation, () => this.#db.transaction(body).immediate());
  }

  #attempt<T>(operation: string, body: () => T): Promise<T> {
    if (this.#isClosed) {
      return Promise.reject(new Error(`Cannot ${operation}: the workspace store is closed`));
    }
    try {
      return Promise.resolve(body());
    } catch (thrown) {
      return Promise.reject(thrown);
    }
  }
}
