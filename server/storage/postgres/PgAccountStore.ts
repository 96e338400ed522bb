import { timingSafeEqual } from 'node:crypto';
import { type GroupId, parseUserId, type Role, type UserId } from '../../../shared/index';
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
import { PgDatabase, type PgDatabaseOptions } from './PgDatabase';
import { groupById } from './pgGroupRows';
import type { PgQueries } from './pgQueries';
import {
  allUsers,
  applyRosterPlan,
  insertUser,
  setPasswordRow,
  setRoleRow,
  setUserActiveRow,
  userWhere,
} from './pgUsers';

/** The settings key of the first-run setup link's hashed secret. */
const SETUP_TOKEN_KEY = 'setup_token_hash';
/** The settings keys of the server's own secrets (`serverSecret`). */
const SECRET_KEY_PREFIX = 'secret:';

export interface PgAccountStoreOptions extends Omit<PgDatabaseOptions, 'name'> {
  /** The clock for times the store sets itself (roster imports); Date.now by default. */
  readonly now?: () => number;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

async function countAccounts(q: PgQueries): Promise<number> {
  return (await q.get<{ n: number }>('SELECT count(*) AS n FROM users'))?.n ?? 0;
}

/**
 * Accounts, the setup link, sessions, API tokens and invitations in PostgreSQL, as
 * SqliteAccountStore keeps them in SQLite. Each write is one transaction holding the records'
 * advisory lock, so a check and the write that relies on it cannot be split by another process.
 * Owns the `users` (pgUsers), `settings`, `sessions`, `api_tokens` and `invitations` tables;
 * enrolment writes memberships and groups through pgGroupRows.
 */
export class PgAccountStore implements AccountStore {
  readonly #db: PgDatabase;
  readonly #now: () => number;

  private constructor(db: PgDatabase, now: () => number) {
    this.#db = db;
    this.#now = now;
  }

  /** Connects and migrates the schema. */
  static async open(options: PgAccountStoreOptions): Promise<PgAccountStore> {
    const { now, ...connection } = options;
    return new PgAccountStore(await PgDatabase.open({ ...connection, name: 'account store' }), now ?? Date.now);
  }

  // ---- People ----

  countUsers(): Promise<number> {
    return this.#db.read('count accounts', countAccounts);
  }

  createUser(user: NewUser): Promise<UserRecord> {
    return this.#db.write('create an account', (q) => insertUser(q, user));
  }

  getUser(id: UserId): Promise<UserRecord | null> {
    return this.#db.read('read an account', (q) => userWhere(q, 'id', id));
  }

  findUserByUsername(username: string): Promise<UserRecord | null> {
    return this.#db.read('find an account', (q) => userWhere(q, 'username', username.toLowerCase()));
  }

  listUsers(): Promise<UserRecord[]> {
    return this.#db.read('list accounts', allUsers);
  }

  setUserActive(id: UserId, isActive: boolean): Promise<UserRecord | null> {
    return this.#db.write('change an account', async (q) => {
      if (!(await setUserActiveRow(q, id, isActive))) {
        return null;
      }
      if (!isActive) {
        await q.run('DELETE FROM sessions WHERE user_id = $1', id);
      }
      return userWhere(q, 'id', id);
    });
  }

  setPasswordHash(id: UserId, passwordHash: string, options: SetPasswordOptions): Promise<void> {
    return this.#db.write('change a password', async (q) => {
      await setPasswordRow(q, id, passwordHash, options.mustChangePassword === true);
      if (options.endSessions) {
        const keep =
          options.keepSession === undefined || options.keepSession === null ? null : blob(options.keepSession);
        await q.run('DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2', id, keep);
      }
    });
  }

  setUserRole(id: UserId, role: Role): Promise<UserRecord | null> {
    return this.#db.write('change a role', async (q) =>
      (await setRoleRow(q, id, role)) ? userWhere(q, 'id', id) : null,
    );
  }

  // ---- First run ----

  setSetupTokenHash(tokenHash: Uint8Array): Promise<void> {
    return this.#db.write('store the setup link', async (q) => {
      await q.run(
        'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        SETUP_TOKEN_KEY,
        blob(tokenHash).toString('hex'),
      );
    });
  }

  completeSetup(tokenHash: Uint8Array, user: NewUser): Promise<OneTimeLinkOutcome> {
    return this.#db.write('create the first account', async (q): Promise<OneTimeLinkOutcome> => {
      const stored = await q.get<{ value: string }>('SELECT value FROM settings WHERE key = $1', SETUP_TOKEN_KEY);
      const isCurrent = stored !== undefined && sameBytes(Buffer.from(stored.value, 'hex'), tokenHash);
      if (!isCurrent || (await countAccounts(q)) > 0) {
        return { kind: 'gone' };
      }
      const created = await insertUser(q, user);
      await q.run('DELETE FROM settings WHERE key = $1', SETUP_TOKEN_KEY);
      return { kind: 'created', user: created };
    });
  }

  // ---- The server's own secrets ----

  serverSecret(name: string, create: () => string): Promise<string> {
    // The first writer's value wins, in any process: the insert does nothing when one is stored.
    return this.#db.write('read a server secret', async (q) => {
      const key = `${SECRET_KEY_PREFIX}${name}`;
      await q.run('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', key, create());
      const stored = await q.get<{ value: unknown }>('SELECT value FROM settings WHERE key = $1', key);
      if (stored === undefined || typeof stored.value !== 'string') {
        throw new Error(`The server secret ${name} could not be stored`);
      }
      return stored.value;
    });
  }

  // ---- Sessions ----

  createSession(session: SessionRecord): Promise<void> {
    return this.#db.write('store a session', async (q) => {
      await q.run(
        'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        blob(session.tokenHash),
        session.userId,
        session.createdAt,
        session.expiresAt,
      );
    });
  }

  findSession(tokenHash: Uint8Array): Promise<SessionRecord | null> {
    return this.#db.read('read a session', async (q) => {
      const row = await q.get<{ token_hash: Buffer; user_id: string; created_at: number; expires_at: number }>(
        'SELECT * FROM sessions WHERE token_hash = $1',
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
    return this.#db.write('end a session', async (q) => {
      await q.run('DELETE FROM sessions WHERE token_hash = $1', blob(tokenHash));
    });
  }

  deleteExpiredSessions(now: number): Promise<number> {
    return this.#db.write('delete expired sessions', (q) => q.run('DELETE FROM sessions WHERE expires_at <= $1', now));
  }

  // ---- API tokens ----

  createApiToken(token: Omit<ApiTokenRecord, 'lastUsedAt' | 'revokedAt'>): Promise<ApiTokenRecord> {
    return this.#db.write('store an API token', async (q) => {
      await q.run(
        `INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
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
    return this.#db.read('read an API token', async (q) => {
      const row = await q.get<ApiTokenRow>('SELECT * FROM api_tokens WHERE token_hash = $1', blob(tokenHash));
      return row === undefined ? null : toApiTokenRecord(row);
    });
  }

  listApiTokens(userId: UserId): Promise<ApiTokenRecord[]> {
    return this.#db.read('list API tokens', async (q) => {
      const rows = await q.all<ApiTokenRow>(
        'SELECT * FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id COLLATE "C"',
        userId,
      );
      return rows.map(toApiTokenRecord);
    });
  }

  revokeApiToken(userId: UserId, id: string, at: number): Promise<boolean> {
    return this.#db.write('revoke an API token', async (q) => {
      const sql = 'UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL';
      return (await q.run(sql, at, id, userId)) > 0;
    });
  }

  touchApiToken(id: string, at: number): Promise<void> {
    return this.#db.write('record the use of an API token', async (q) => {
      await q.run('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', at, id);
    });
  }

  revokeApiTokensOf(userId: UserId, at: number): Promise<number> {
    return this.#db.write('revoke the API tokens of an account', (q) =>
      // An expired token stopped working already: it is not counted, and stays listed as expired.
      q.run(
        'UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL AND expires_at > $1',
        at,
        userId,
      ),
    );
  }

  // ---- Invitations and rosters ----

  createInvitation(invitation: Omit<InvitationRecord, 'usedBy' | 'usedAt' | 'revokedAt'>): Promise<InvitationRecord> {
    return this.#db.write('store an invitation', async (q) => {
      await q.run(
        `INSERT INTO invitations (id, token_hash, role, group_ids, created_by, created_at, expires_at, unit_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
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
    return this.#db.read('read an invitation', async (q) => {
      const row = await q.get<InvitationRow>('SELECT * FROM invitations WHERE token_hash = $1', blob(tokenHash));
      return row === undefined ? null : toInvitationRecord(row);
    });
  }

  listOpenInvitations(now: number): Promise<InvitationRecord[]> {
    return this.#db.read('list invitations', async (q) => {
      const rows = await q.all<InvitationRow>(
        `SELECT * FROM invitations WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > $1
         ORDER BY created_at DESC, id COLLATE "C"`,
        now,
      );
      return rows.map(toInvitationRecord);
    });
  }

  revokeInvitation(id: string, at: number): Promise<boolean> {
    return this.#db.write('revoke an invitation', async (q) => {
      const sql = 'UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL';
      return (await q.run(sql, at, id)) > 0;
    });
  }

  acceptInvitation(
    invitationId: string,
    user: Omit<NewUser, 'role' | 'groupIds'>,
    now: number,
  ): Promise<OneTimeLinkOutcome> {
    return this.#db.write('join through an invitation', async (q): Promise<OneTimeLinkOutcome> => {
      const row = await q.get<InvitationRow>('SELECT * FROM invitations WHERE id = $1', invitationId);
      if (row === undefined || row.used_at !== null || row.revoked_at !== null || row.expires_at <= now) {
        return { kind: 'gone' };
      }
      const invitation = toInvitationRecord(row);
      // A group may have been removed since the invitation was made: join those that remain.
      const groupIds: GroupId[] = [];
      for (const id of invitation.groupIds) {
        if ((await groupById(q, id)) !== null) {
          groupIds.push(id);
        }
      }
      const created = await insertUser(q, { ...user, role: invitation.role, groupIds, unitId: invitation.unitId });
      await q.run('UPDATE invitations SET used_by = $1, used_at = $2 WHERE id = $3', created.id, now, invitationId);
      return { kind: 'created', user: created };
    });
  }

  importRoster(plan: RosterPlan): Promise<{ createdGroups: string[] }> {
    return this.#db.write('import a roster', (q) => applyRosterPlan(q, plan, this.#now()));
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
