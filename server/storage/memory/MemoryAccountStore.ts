import { randomUUID } from 'node:crypto';
import type { GroupId, Role, UserId } from '../../../shared/index';
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
import { WorkspaceConflictError } from '../WorkspaceConflictError';
import { compare, type MemoryGroupStore } from './MemoryGroupStore';

export interface MemoryAccountStoreOptions {
  /** Where memberships and groups are written when accounts are created. */
  readonly groups: MemoryGroupStore;
  /** The clock for times the store sets itself (roster imports); Date.now by default. */
  readonly now?: () => number;
}

type StoredUser = Omit<UserRecord, 'groupIds'>;

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Newest first, then by id: the order the SQLite adapter lists tokens and invitations in. */
function newestFirst(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return b.createdAt - a.createdAt || compare(a.id, b.id);
}

/**
 * Accounts, sessions, API tokens and invitations in memory: for tests, and as a reference for
 * the contract. Every method checks what it needs before it writes anything, so that a refusal
 * writes nothing, as a transaction would.
 */
export class MemoryAccountStore implements AccountStore {
  readonly #groups: MemoryGroupStore;
  readonly #now: () => number;
  readonly #users = new Map<UserId, StoredUser>();
  /** By the token hash, in hex. */
  readonly #sessions = new Map<string, SessionRecord>();
  readonly #tokens = new Map<string, ApiTokenRecord>();
  readonly #invitations = new Map<string, InvitationRecord>();
  #setupTokenHash: string | null = null;
  readonly #secrets = new Map<string, string>();
  #isClosed = false;

  constructor(options: MemoryAccountStoreOptions) {
    this.#groups = options.groups;
    this.#now = options.now ?? Date.now;
  }

  async countUsers(): Promise<number> {
    this.#assertOpen('count accounts');
    return this.#users.size;
  }

  async createUser(user: NewUser): Promise<UserRecord> {
    this.#assertOpen('create an account');
    return this.#insertUser(user);
  }

  async getUser(id: UserId): Promise<UserRecord | null> {
    this.#assertOpen('read an account');
    return this.#userRecord(this.#users.get(id));
  }

  async findUserByUsername(username: string): Promise<UserRecord | null> {
    this.#assertOpen('find an account');
    return this.#userRecord(this.#byUsername(username.toLowerCase()));
  }

  async listUsers(): Promise<UserRecord[]> {
    this.#assertOpen('list accounts');
    return [...this.#users.values()]
      .sort((a, b) => compare(a.username, b.username))
      .flatMap((user) => this.#userRecord(user) ?? []);
  }

  async setUserActive(id: UserId, isActive: boolean): Promise<UserRecord | null> {
    this.#assertOpen('change an account');
    const user = this.#users.get(id);
    if (user === undefined) {
      return null;
    }
    this.#users.set(id, { ...user, isActive });
    if (!isActive) {
      this.#endSessions(id, null);
    }
    return this.#userRecord(this.#users.get(id));
  }

  async setPasswordHash(id: UserId, passwordHash: string, options: SetPasswordOptions): Promise<void> {
    this.#assertOpen('change a password');
    const user = this.#users.get(id);
    if (user !== undefined) {
      this.#users.set(id, { ...user, passwordHash, mustChangePassword: options.mustChangePassword === true });
    }
    if (options.endSessions) {
      this.#endSessions(id, options.keepSession ?? null);
    }
  }

  async setUserRole(id: UserId, role: Role): Promise<UserRecord | null> {
    this.#assertOpen('change a role');
    const user = this.#users.get(id);
    if (user === undefined) {
      return null;
    }
    this.#users.set(id, { ...user, role });
    return this.#userRecord(this.#users.get(id));
  }

  async setSetupTokenHash(tokenHash: Uint8Array): Promise<void> {
    this.#assertOpen('store the setup link');
    this.#setupTokenHash = hex(tokenHash);
  }

  async completeSetup(tokenHash: Uint8Array, user: NewUser): Promise<OneTimeLinkOutcome> {
    this.#assertOpen('create the first account');
    if (this.#setupTokenHash !== hex(tokenHash) || this.#users.size > 0) {
      return { kind: 'gone' };
    }
    const created = this.#insertUser(user);
    this.#setupTokenHash = null;
    return { kind: 'created', user: created };
  }

  async serverSecret(name: string, create: () => string): Promise<string> {
    this.#assertOpen('read a server secret');
    const stored = this.#secrets.get(name) ?? create();
    this.#secrets.set(name, stored);
    return stored;
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.#assertOpen('store a session');
    this.#sessions.set(hex(session.tokenHash), { ...session, tokenHash: session.tokenHash.slice() });
  }

  async findSession(tokenHash: Uint8Array): Promise<SessionRecord | null> {
    this.#assertOpen('read a session');
    return this.#sessions.get(hex(tokenHash)) ?? null;
  }

  async deleteSession(tokenHash: Uint8Array): Promise<void> {
    this.#assertOpen('end a session');
    this.#sessions.delete(hex(tokenHash));
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    this.#assertOpen('delete expired sessions');
    const expired = [...this.#sessions].filter(([, session]) => session.expiresAt <= now);
    for (const [key] of expired) {
      this.#sessions.delete(key);
    }
    return expired.length;
  }

  async createApiToken(token: Omit<ApiTokenRecord, 'lastUsedAt' | 'revokedAt'>): Promise<ApiTokenRecord> {
    this.#assertOpen('store an API token');
    const record = { ...token, tokenHash: token.tokenHash.slice(), lastUsedAt: null, revokedAt: null };
    this.#tokens.set(token.id, record);
    return { ...record };
  }

  async findApiToken(tokenHash: Uint8Array): Promise<ApiTokenRecord | null> {
    this.#assertOpen('read an API token');
    const key = hex(tokenHash);
    return [...this.#tokens.values()].find((token) => hex(token.tokenHash) === key) ?? null;
  }

  async listApiTokens(userId: UserId): Promise<ApiTokenRecord[]> {
    this.#assertOpen('list API tokens');
    return [...this.#tokens.values()]
      .filter((token) => token.userId === userId && token.revokedAt === null)
      .sort(newestFirst);
  }

  async revokeApiToken(userId: UserId, id: string, at: number): Promise<boolean> {
    this.#assertOpen('revoke an API token');
    const token = this.#tokens.get(id);
    if (token === undefined || token.userId !== userId || token.revokedAt !== null) {
      return false;
    }
    this.#tokens.set(id, { ...token, revokedAt: at });
    return true;
  }

  async touchApiToken(id: string, at: number): Promise<void> {
    this.#assertOpen('record the use of an API token');
    const token = this.#tokens.get(id);
    if (token !== undefined) {
      this.#tokens.set(id, { ...token, lastUsedAt: at });
    }
  }

  async revokeApiTokensOf(userId: UserId, at: number): Promise<number> {
    this.#assertOpen('revoke the API tokens of an account');
    const working = [...this.#tokens.values()].filter(
      (t) => t.userId === userId && t.revokedAt === null && t.expiresAt > at,
    );
    for (const token of working) {
      this.#tokens.set(token.id, { ...token, revokedAt: at });
    }
    return working.length;
  }

  async createInvitation(
    invitation: Omit<InvitationRecord, 'usedBy' | 'usedAt' | 'revokedAt'>,
  ): Promise<InvitationRecord> {
    this.#assertOpen('store an invitation');
    const record = { ...invitation, groupIds: [...invitation.groupIds], usedBy: null, usedAt: null, revokedAt: null };
    this.#invitations.set(invitation.id, record);
    return { ...record };
  }

  async findInvitation(tokenHash: Uint8Array): Promise<InvitationRecord | null> {
    this.#assertOpen('read an invitation');
    const key = hex(tokenHash);
    return [...this.#invitations.values()].find((invitation) => hex(invitation.tokenHash) === key) ?? null;
  }

  async listOpenInvitations(now: number): Promise<InvitationRecord[]> {
    this.#assertOpen('list invitations');
    return [...this.#invitations.values()]
      .filter((invitation) => invitation.usedAt === null && invitation.revokedAt === null && invitation.expiresAt > now)
      .sort(newestFirst);
  }

  async revokeInvitation(id: string, at: number): Promise<boolean> {
    this.#assertOpen('revoke an invitation');
    const invitation = this.#invitations.get(id);
    if (invitation === undefined || invitation.usedAt !== null || invitation.revokedAt !== null) {
      return false;
    }
    this.#invitations.set(id, { ...invitation, revokedAt: at });
    return true;
  }

  async acceptInvitation(
    invitationId: string,
    user: Omit<NewUser, 'role' | 'groupIds'>,
    now: number,
  ): Promise<OneTimeLinkOutcome> {
    this.#assertOpen('join through an invitation');
    const invitation = this.#invitations.get(invitationId);
    if (
      invitation === undefined ||
      invitation.usedAt !== null ||
      invitation.revokedAt !== null ||
      invitation.expiresAt <= now
    ) {
      return { kind: 'gone' };
    }
    // A group may have been removed since the invitation was made: join those that remain.
    const groupIds = invitation.groupIds.filter((id) => this.#groups.hasGroup(id));
    const created = this.#insertUser({ ...user, role: invitation.role, groupIds, unitId: invitation.unitId });
    this.#invitations.set(invitationId, { ...invitation, usedBy: created.id, usedAt: now });
    return { kind: 'created', user: created };
  }

  async importRoster(plan: RosterPlan): Promise<{ createdGroups: string[] }> {
    this.#assertOpen('import a roster');
    const usernames = plan.accounts.map((account) => account.username);
    const taken = usernames.filter((username) => this.#byUsername(username) !== undefined);
    if (taken.length > 0) {
      throw new WorkspaceConflictError('username', taken);
    }
    const repeated = usernames.find((username, index) => usernames.indexOf(username) !== index);
    if (repeated !== undefined) {
      throw new WorkspaceConflictError('username', [repeated]);
    }
    const now = this.#now();
    const createdGroups: string[] = [];
    const groupIdByName = new Map<string, GroupId>();
    for (const name of new Set([...plan.groupNames, ...plan.accounts.flatMap((a) => a.groupNames)])) {
      const existing = this.#groups.groupIdByName(name);
      const id = existing ?? (randomUUID() as GroupId);
      if (existing === null) {
        this.#groups.insertGroup({ id, name, createdAt: now });
        createdGroups.push(name);
      }
      groupIdByName.set(name, id);
    }
    for (const account of plan.accounts) {
      const groupIds = account.groupNames.flatMap((name) => groupIdByName.get(name) ?? []);
      this.#insertUser({ ...account, id: randomUUID() as UserId, mustChangePassword: true, createdAt: now, groupIds });
    }
    return { createdGroups };
  }

  async close(): Promise<void> {
    this.#isClosed = true;
  }

  /** Creates an account with its memberships; throws WorkspaceConflictError when the username is taken. */
  #insertUser(user: NewUser): UserRecord {
    if (this.#byUsername(user.username) !== undefined) {
      throw new WorkspaceConflictError('username', [user.username]);
    }
    const { id, username, name, role, passwordHash, createdAt } = user;
    const mustChangePassword = user.mustChangePassword === true;
    const unitId = user.unitId ?? null;
    this.#users.set(id, {
      id,
      username,
      name,
      role,
      passwordHash,
      mustChangePassword,
      isActive: true,
      createdAt,
      unitId,
    });
    for (const groupId of new Set(user.groupIds)) {
      this.#groups.addMembership(groupId, user.id);
    }
    const created = this.#userRecord(this.#users.get(user.id));
    if (created === null) {
      throw new Error(`Cannot create account ${user.username}: it is not there after the insert`);
    }
    return created;
  }

  #byUsername(username: string): StoredUser | undefined {
    return [...this.#users.values()].find((user) => user.username === username);
  }

  #userRecord(user: StoredUser | undefined): UserRecord | null {
    return user === undefined ? null : { ...user, groupIds: this.#groups.groupIdsOf(user.id) };
  }

  /** Ends the sessions of a user, except `keep`. */
  #endSessions(userId: UserId, keep: Uint8Array | null): void {
    const kept = keep === null ? null : hex(keep);
    for (const [key, session] of [...this.#sessions]) {
      if (session.userId === userId && key !== kept) {
        this.#sessions.delete(key);
      }
    }
  }

  #assertOpen(operation: string): void {
    if (this.#isClosed) {
      throw new Error(`Cannot ${operation}: the account store is closed`);
    }
  }
}
