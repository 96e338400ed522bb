import { timingSafeEqual } from 'node:crypto';
import { parseUserId, type Role, type UserId } from '../../../shared/index';
import type {
  AccountStore,
  ApiTokenRecord,
  InvitationRecord,
  NewUser,
  OneTimeLinkOutcome,
  RosterPlan,
  SessionRecord,
  SetPasswordOptions,
  UserRecord,
} from '../AccountStore';
import { type ApiTokenRow, type InvitationRow, toApiTokenRecord, toInvitationRecord } from '../rows/accountRows';
import { blob } from '../rows/rowChecks';
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';
import { groupById } from './sqliteGroupRows';
import { allUsers, applyRosterPlan, insertUser, setPasswordRow, setUserActiveRow, userWhere } from './sqliteUsers';

/** The settings key of the first-run setup link's hashed secret. */
const SETUP_TOKEN_KEY = 'setup_token_hash';
/** The settings keys of the server's own secrets (`serverSecret`). */
const SECRET_KEY_PREFIX = 'secret:';

export interface SqliteAccountStoreOptions {
  /** Path of the database file, shared with the other stores; created when missing. */
  readonly path: string;
  /** The clock for times the store sets itself (roster imports); Date.now by default. */
  readonly now?: () => number;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/**
 * Accounts, the setup link, sessions, API tokens and invitations in the shared SQLite file, on a
 * connection of its own (WAL, so the relay's writes and this connection's reads do not block each
 * other). Writes that read before they write run in IMMEDIATE transactions, so another process
 * cannot slip in between. Owns the `users`, `settings`, `sessions`, `api_tokens` and
 * `invitations` tables; enrolment writes memberships and groups through sqliteGroupRows.
 */
export class SqliteAccountStore implements AccountStore {
  readonly #q: SqliteQueries;
  readonly #now: () => number;

  constructor(options: SqliteAccountStoreOptions) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'account store');
    this.#now = options.now ?? Date.now;
  }

  // ---- People ----

  countUsers(): Promise<number> {
    return this.#q.read('count accounts', () => this.#q.get<{ n: number }>('SELECT count(*) AS n FROM users')?.n ?? 0);
  }

  createUser(user: NewUser): Promise<UserRecord> {
    return this.#q.write('create an account', () => insertUser(this.#q, user));
  }

  getUser(id: UserId): Promise<UserRecord | null> {
    return this.#q.read('read an account', () => userWhere(this.#q, 'id = ?', id));
  }

  findUserByUsername(username: string): Promise<UserRecord | null> {
    return this.#q.read('find an account', () => userWhere(this.#q, 'username = ?', username.toLowerCase()));
  }

  listUsers(): Promise<UserRecord[]> {
    return this.#q.read('list accounts', () => allUsers(this.#q));
  }

  setUserActive(id: UserId, isActive: boolean): Promise<UserRecord | null> {
    return this.#q.write('change an account', () => {
      if (!setUserActiveRow(this.#q, id, isActive)) {
        return null;
      }
      if (!isActive) {
        this.#q.run('DELETE FROM sessions WHERE user_id = ?', id);
      }
      return userWhere(this.#q, 'id = ?', id);
    });
  }

  setPasswordHash(id: UserId, passwordHash: string, options: SetPasswordOptions): Promise<void> {
    return this.#q.write('change a password', () => {
      setPasswordRow(this.#q, id, passwordHash, options.mustChangePassword === true);
      if (options.endSessions) {
        const keep =
          options.keepSession === undefined || options.keepSession === null ? null : blob(options.keepSession);
        this.#q.run('DELETE FROM sessions WHERE user_id = ? AND token_hash IS NOT ?', id, keep);
      }
    });
  }

  setUserRole(id: UserId, role: Role): Promise<UserRecord | null> {
    return this.#q.write('change a role', () => {
      if (this.#q.run('UPDATE users SET role = ? WHERE id = ?', role, id).changes === 0) {
        return null;
      }
      return userWhere(this.#q, 'id = ?', id);
    });
  }

  // ---- First run ----

  setSetupTokenHash(tokenHash: Uint8Array): Promise<void> {
    return this.#q.write('store the setup link', () => {
      this.#q.run(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        SETUP_TOKEN_KEY,
        blob(tokenHash).toString('hex'),
      );
    });
  }

  completeSetup(tokenHash: Uint8Array, user: NewUser): Promise<OneTimeLinkOutcome> {
    return this.#q.write('create the first account', (): OneTimeLinkOutcome => {
      const stored = this.#q.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', SETUP_TOKEN_KEY);
      const isCurrent = stored !== undefined && sameBytes(Buffer.from(stored.value, 'hex'), tokenHash);
      const count = this.#q.get<{ n: number }>('SELECT count(*) AS n FROM users')?.n ?? 0;
      if (!isCurrent || count > 0) {
        return { kind: 'gone' };
      }
      const created = insertUser(this.#q, user);
      this.#q.run('DELETE FROM settings WHERE key = ?', SETUP_TOKEN_KEY);
      return { kind: 'created', user: created };
    });
  }

  // ---- The server's own secrets ----

  serverSecret(name: string, create: () => string): Promise<string> {
    return this.#q.write('read a server secret', () => {
      const key = `${SECRET_KEY_PREFIX}${name}`;
      this.#q.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', key, create());
      const stored = this.#q.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', key);
      if (stored === undefined || typeof stored.value !== 'string') {
        throw new Error(`The server secret ${name} could not be stored`);
      }
      return stored.value;
    });
  }

  // ---- Sessions ----

  createSession(session: SessionRecord): Promise<void> {
    return this.#q.write('store a session', () => {
      this.#q.run(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
        blob(session.tokenHash),
        session.userId,
        session.createdAt,
        session.expiresAt,
      );
    });
  }

  findSession(tokenHash: Uint8Array): Promise<SessionRecord | null> {
    return this.#q.read('read a session', () => {
      const row = this.#q.get<{ token_hash: Buffer; user_id: string; created_at: number; expires_at: number }>(
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
    return this.#q.write('end a session', () => {
      this.#q.run('DELETE FROM sessions WHERE token_hash = ?', blob(tokenHash));
    });
  }

  deleteExpiredSessions(now: number): Promise<number> {
    return this.#q.write(
      'delete expired sessions',
      () => this.#q.run('DELETE FROM sessions WHERE expires_at <= ?', now).changes,
    );
  }

  // ---- API tokens ----

  createApiToken(token: Omit<ApiTokenRecord, 'lastUsedAt' | 'revokedAt'>): Promise<ApiTokenRecord> {
    return this.#q.write('store an API token', () => {
      this.#q.run(
        'INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        token.id,
        token.userId,
        token.name,
        blob(token.tokenHash),
        token.createdAt,
        token.expiresAt,
      );
      return { ...token, lastUsedAt: null, revokedAt: null };
    });
  }

  findApiToken(tokenHash: Uint8Array): Promise<ApiTokenRecord | null> {
    return this.#q.read('read an API token', () => {
      const row = this.#q.get<ApiTokenRow>('SELECT * FROM api_tokens WHERE token_hash = ?', blob(tokenHash));
      return row === undefined ? null : toApiTokenRecord(row);
    });
  }

  listApiTokens(userId: UserId): Promise<ApiTokenRecord[]> {
    return this.#q.read('list API tokens', () =>
      this.#q
        .all<ApiTokenRow>(
          'SELECT * FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC, id',
          userId,
        )
        .map(toApiTokenRecord),
    );
  }

  revokeApiToken(userId: UserId, id: string, at: number): Promise<boolean> {
    return this.#q.write('revoke an API token', () => {
      const sql = 'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL';
      return this.#q.run(sql, at, id, userId).changes > 0;
    });
  }

  touchApiToken(id: string, at: number): Promise<void> {
    return this.#q.write('record the use of an API token', () => {
      this.#q.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', at, id);
    });
  }

  revokeApiTokensOf(userId: UserId, at: number): Promise<number> {
    return this.#q.write('revoke the API tokens of an account', () => {
      // An expired token stopped working already: it is not counted, and stays listed as expired.
      const sql = 'UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?';
      return this.#q.run(sql, at, userId, at).changes;
    });
  }

  // ---- Invitations and rosters ----

  createInvitation(invitation: Omit<InvitationRecord, 'usedBy' | 'usedAt' | 'revokedAt'>): Promise<InvitationRecord> {
    return this.#q.write('store an invitation', () => {
      this.#q.run(
        `INSERT INTO invitations (id, token_hash, role, group_ids, created_by, created_at, expires_at, unit_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        invitation.id,
        blob(invitation.tokenHash),
        invitation.role,
        JSON.stringify(invitation.groupIds),
        invitation.createdBy,
        invitation.createdAt,
        invitation.expiresAt,
        invitation.unitId,
      );
      return { ...invitation, usedBy: null, usedAt: null, revokedAt: null };
    });
  }

  findInvitation(tokenHash: Uint8Array): Promise<InvitationRecord | null> {
    return this.#q.read('read an invitation', () => {
      const row = this.#q.get<InvitationRow>('SELECT * FROM invitations WHERE token_hash = ?', blob(tokenHash));
      return row === undefined ? null : toInvitationRecord(row);
    });
  }

  listOpenInvitations(now: number): Promise<InvitationRecord[]> {
    return this.#q.read('list invitations', () =>
      this.#q
        .all<InvitationRow>(
          `SELECT * FROM invitations WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > ?
           ORDER BY created_at DESC, id`,
          now,
        )
        .map(toInvitationRecord),
    );
  }

  revokeInvitation(id: string, at: number): Promise<boolean> {
    return this.#q.write('revoke an invitation', () => {
      const sql = 'UPDATE invitations SET revoked_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL';
      return this.#q.run(sql, at, id).changes > 0;
    });
  }

  acceptInvitation(
    invitationId: string,
    user: Omit<NewUser, 'role' | 'groupIds'>,
    now: number,
  ): Promise<OneTimeLinkOutcome> {
    return this.#q.write('join through an invitation', (): OneTimeLinkOutcome => {
      const row = this.#q.get<InvitationRow>('SELECT * FROM invitations WHERE id = ?', invitationId);
      if (row === undefined || row.used_at !== null || row.revoked_at !== null || row.expires_at <= now) {
        return { kind: 'gone' };
      }
      const invitation = toInvitationRecord(row);
      // A group may have been removed since the invitation was made: join those that remain.
      const groupIds = invitation.groupIds.filter((id) => groupById(this.#q, id) !== null);
      const created = insertUser(this.#q, { ...user, role: invitation.role, groupIds, unitId: invitation.unitId });
      this.#q.run('UPDATE invitations SET used_by = ?, used_at = ? WHERE id = ?', created.id, now, invitationId);
      return { kind: 'created', user: created };
    });
  }

  importRoster(plan: RosterPlan): Promise<{ createdGroups: string[] }> {
    return this.#q.write('import a roster', () => applyRosterPlan(this.#q, plan, this.#now()));
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }
}
