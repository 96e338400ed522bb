import type { UnitId } from '../../shared/domain/ids';
import type { GroupId, Role, UserId } from '../../shared/index';

/** An account as stored, with the groups it belongs to. The password hash never leaves the server. */
export interface UserRecord {
  readonly id: UserId;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  /** Self-describing hash (see server/auth/passwords.ts). */
  readonly passwordHash: string;
  /** True after a one-time password was handed out (roster import, admin reset). */
  readonly mustChangePassword: boolean;
  readonly isActive: boolean;
  readonly createdAt: number;
  readonly groupIds: readonly GroupId[];
  /** The unit a handling unit's account answers for (P16); null for everyone else. */
  readonly unitId: UnitId | null;
}

/** What creating an account needs; ids and times are given by the caller. */
export interface NewUser {
  readonly id: UserId;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly mustChangePassword?: boolean;
  readonly createdAt: number;
  readonly groupIds: readonly GroupId[];
  /** A handling unit's account: its unit (P16). */
  readonly unitId?: UnitId | null;
}

/** A stored sign-in session, found by the SHA-256 hash of its token. */
export interface SessionRecord {
  readonly tokenHash: Uint8Array;
  readonly userId: UserId;
  readonly createdAt: number;
  readonly expiresAt: number;
}

/** A named API token of a user; the token itself is never stored. */
export interface ApiTokenRecord {
  readonly id: string;
  readonly userId: UserId;
  readonly name: string;
  readonly tokenHash: Uint8Array;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  /** After this time the token no longer works. */
  readonly expiresAt: number;
  /** Null while the token works. */
  readonly revokedAt: number | null;
}

/** An invitation link for one person, found by the hash of its secret. */
export interface InvitationRecord {
  readonly id: string;
  readonly tokenHash: Uint8Array;
  readonly role: Role;
  readonly groupIds: readonly GroupId[];
  readonly createdBy: UserId;
  readonly createdAt: number;
  readonly expiresAt: number;
  /** Null until someone joined through it. */
  readonly usedBy: UserId | null;
  readonly usedAt: number | null;
  /** Null unless the secretariat revoked the link before it was used. */
  readonly revokedAt: number | null;
  /** An invitation for a handling unit's account: the unit it will answer for; null otherwise. */
  readonly unitId: UnitId | null;
}

/** What a roster import writes, already checked and hashed (see server/roster/importRoster.ts). */
export interface RosterPlan {
  readonly groupNames: readonly string[];
  readonly accounts: readonly {
    readonly username: string;
    readonly name: string;
    readonly role: Role;
    readonly passwordHash: string;
    readonly groupNames: readonly string[];
  }[];
}

export interface SetPasswordOptions {
  readonly endSessions: boolean;
  /** A session that stays signed in: the one that changed the password. */
  readonly keepSession?: Uint8Array | null;
  /** True for a one-time password handed out by someone else. */
  readonly mustChangePassword?: boolean;
}

/** Outcome of using a one-time link (the setup link or an invitation). */
export type OneTimeLinkOutcome =
  | { readonly kind: 'created'; readonly user: UserRecord }
  /** Used already, expired, or (for the setup link) an account exists. Nothing was written. */
  | { readonly kind: 'gone' };

/**
 * Accounts and how people prove who they are: accounts, the first-run setup link, sessions, API
 * tokens and invitations. It also enrols people, which creates accounts with their memberships
 * (and, for a roster, the groups it names) in one transaction: an account never exists without
 * the groups it was created in. The memberships and groups themselves belong to GroupStore, whose
 * adapter's functions an adapter of this port calls inside that transaction.
 * Adapters: SQLite (the embedded default), PostgreSQL (several processes) and memory (tests).
 * Every method is async for that reason. Secrets are passed and stored as SHA-256 hashes only.
 */
export interface AccountStore {
  // ---- People ----

  /** How many accounts exist, active or not. */
  countUsers(): Promise<number>;
  /** Creates an account with its memberships; throws WorkspaceConflictError when the username is taken. */
  createUser(user: NewUser): Promise<UserRecord>;
  /** The account with this id; null when there is none. */
  getUser(id: UserId): Promise<UserRecord | null>;
  /** The account with this (lowercase) username; null when there is none. */
  findUserByUsername(username: string): Promise<UserRecord | null>;
  /** Every account, ordered by username. */
  listUsers(): Promise<UserRecord[]>;
  /** Activates or deactivates an account; deactivating also ends its sessions. Null when there is none. */
  setUserActive(id: UserId, isActive: boolean): Promise<UserRecord | null>;
  /**
   * Replaces the password hash and sets must-change-password (default false). With
   * `endSessions`, ends the user's sessions except `keepSession` (the one that asked).
   */
  setPasswordHash(id: UserId, passwordHash: string, options: SetPasswordOptions): Promise<void>;
  /** Changes an account's role. Null when there is none. */
  setUserRole(id: UserId, role: Role): Promise<UserRecord | null>;

  // ---- First run ----

  /** Replaces the setup link's secret; a previous link stops working. */
  setSetupTokenHash(tokenHash: Uint8Array): Promise<void>;
  /**
   * Creates the first account if `tokenHash` is the current setup secret and no account exists
   * yet, and then forgets the secret: in one transaction, so only one caller ever succeeds.
   */
  completeSetup(tokenHash: Uint8Array, user: NewUser): Promise<OneTimeLinkOutcome>;

  // ---- The server's own secrets ----

  /**
   * The secret named `name` (hex), made by `create` the first time and the same ever after, in
   * every process: the first writer wins and every caller gets what is stored.
   */
  serverSecret(name: string, create: () => string): Promise<string>;

  // ---- Sessions ----

  /** Stores a new session. */
  createSession(session: SessionRecord): Promise<void>;
  /** The session with this token hash; null when there is none (expired ones are still returned). */
  findSession(tokenHash: Uint8Array): Promise<SessionRecord | null>;
  /** Ends a session; nothing happens when there is none. */
  deleteSession(tokenHash: Uint8Array): Promise<void>;
  /** Deletes sessions that expired before `now`; resolves with how many. */
  deleteExpiredSessions(now: number): Promise<number>;

  // ---- API tokens ----

  /** Stores a new API token of a user. */
  createApiToken(token: Omit<ApiTokenRecord, 'lastUsedAt' | 'revokedAt'>): Promise<ApiTokenRecord>;
  /** The API token with this hash, revoked or not; null when there is none. */
  findApiToken(tokenHash: Uint8Array): Promise<ApiTokenRecord | null>;
  /** A user's tokens that are not revoked, newest first. */
  listApiTokens(userId: UserId): Promise<ApiTokenRecord[]>;
  /** Revokes a token of this user; false when the user has no such working token. */
  revokeApiToken(userId: UserId, id: string, at: number): Promise<boolean>;
  /** Records when a token was last used. */
  touchApiToken(id: string, at: number): Promise<void>;
  /** Revokes every working token of a user (password changed or reset); resolves with how many. */
  revokeApiTokensOf(userId: UserId, at: number): Promise<number>;

  // ---- Invitations and rosters ----

  /** Stores a new invitation. */
  createInvitation(invitation: Omit<InvitationRecord, 'usedBy' | 'usedAt' | 'revokedAt'>): Promise<InvitationRecord>;
  /** The invitation with this hash, used or not; null when there is none. */
  findInvitation(tokenHash: Uint8Array): Promise<InvitationRecord | null>;
  /** Invitations not used, not revoked and not expired at `now`, newest first. */
  listOpenInvitations(now: number): Promise<InvitationRecord[]>;
  /** Revokes an invitation not used yet; false when there is no such open invitation. */
  revokeInvitation(id: string, at: number): Promise<boolean>;
  /**
   * Creates the account (with the invitation's role and the groups of it that still exist) and
   * marks the invitation used, in one transaction, if it is still unused, unrevoked and unexpired
   * at `now`.
   * Throws WorkspaceConflictError when the username is taken.
   */
  acceptInvitation(
    invitationId: string,
    user: Omit<NewUser, 'role' | 'groupIds'>,
    now: number,
  ): Promise<OneTimeLinkOutcome>;
  /**
   * In one transaction: creates the groups missing by name, the accounts (each must change its
   * password), and their memberships. Throws WorkspaceConflictError naming every taken username
   * and then writes nothing. Resolves with the names of the groups it created.
   */
  importRoster(plan: RosterPlan): Promise<{ createdGroups: string[] }>;

  /** Releases the store; later calls fail. */
  close(): Promise<void>;
}
