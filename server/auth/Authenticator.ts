import type { Actor } from '../../shared/index';
import type { AccountStore, UserRecord } from '../storage/AccountStore';
import { hashIfTokenShaped, sameHash } from './tokens';

/** How a request proved who it is. */
export const CredentialKind = {
  /** A sign-in session (cookie or Bearer), 30 days. */
  session: 'session',
  /** A named API token, until it expires or is revoked. */
  apiToken: 'api_token',
} as const;
export type CredentialKind = (typeof CredentialKind)[keyof typeof CredentialKind];

/** Who is asking, for routes and the relay's gate. */
export interface AuthContext {
  readonly user: UserRecord;
  /** The same person as `can()` sees them. */
  readonly actor: Actor;
  readonly kind: CredentialKind;
  /** The hash of the credential presented: for ending this very session. */
  readonly tokenHash: Uint8Array;
}

/** Why a credential was not accepted, so the answer can say what to do. */
export const AuthFailure = {
  /** Nothing was presented. */
  missing: 'missing',
  /** Unknown, malformed, expired or revoked: sign in again. */
  invalid: 'invalid',
  /** The account was deactivated by the secretariat. */
  inactive: 'inactive',
} as const;
export type AuthFailure = (typeof AuthFailure)[keyof typeof AuthFailure];

export type AuthOutcome =
  | { readonly ok: true; readonly context: AuthContext }
  | { readonly ok: false; readonly failure: AuthFailure };

/** Writing the last use of an API token on every request would turn reads into writes. */
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

/** What checking a credential reads and writes of the accounts. */
export type CredentialStore = Pick<
  AccountStore,
  'findSession' | 'deleteSession' | 'findApiToken' | 'touchApiToken' | 'getUser'
>;

export interface AuthenticatorOptions {
  readonly accounts: CredentialStore;
  readonly now?: () => number;
}

/** The person an account is, as `can()` sees them. */
export function actorOf(user: UserRecord): Actor {
  return { id: user.id, role: user.role, groupIds: user.groupIds, isActive: user.isActive, unitId: user.unitId };
}

/**
 * Turns a presented token into the person it belongs to. Tokens of the wrong shape are refused
 * before they are hashed; the rest are looked up by SHA-256 hash, first as sessions, then as
 * API tokens. The account must be active, every time: deactivating it ends API tokens too.
 */
/**
 * A credential checked moments ago (when its websocket upgrade was accepted), handed to the
 * room gate so that it need not look the same session up again for the connection's first
 * decision. Trusted only for the same credential and only for a few seconds.
 */
export class CheckedCredential {
  static readonly maxAgeMs = 5_000;
  readonly credential: string;
  readonly outcome: AuthOutcome;
  readonly checkedAt: number;

  constructor(credential: string, outcome: AuthOutcome, checkedAt: number) {
    this.credential = credential;
    this.outcome = outcome;
    this.checkedAt = checkedAt;
  }

  get isSignedIn(): boolean {
    return this.outcome.ok;
  }

  /** The outcome when it is about `credential` and fresh at `now`; null otherwise. */
  outcomeFor(credential: string | null, now: number): AuthOutcome | null {
    return credential === this.credential && now - this.checkedAt <= CheckedCredential.maxAgeMs ? this.outcome : null;
  }
}

export class Authenticator {
  readonly #accounts: CredentialStore;
  readonly #now: () => number;

  constructor(options: AuthenticatorOptions) {
    this.#accounts = options.accounts;
    this.#now = options.now ?? Date.now;
  }

  /** The signed-in person; null for no, an unknown, expired or revoked token, or a deactivated account. */
  async authenticate(token: string | null): Promise<AuthContext | null> {
    const outcome = await this.check(token);
    return outcome.ok ? outcome.context : null;
  }

  /** Checks a credential, keeping the outcome for the room gate's first decision. */
  async checkUpgrade(token: string): Promise<CheckedCredential> {
    return new CheckedCredential(token, await this.check(token), this.#now());
  }

  /** Like `authenticate`, but says why a credential was not accepted. */
  async check(token: string | null): Promise<AuthOutcome> {
    if (token === null || token.length === 0) {
      return { ok: false, failure: AuthFailure.missing };
    }
    const tokenHash = hashIfTokenShaped(token);
    if (tokenHash === null) {
      return { ok: false, failure: AuthFailure.invalid };
    }
    const found = (await this.#findSession(tokenHash)) ?? (await this.#findApiToken(tokenHash));
    if (found === null) {
      return { ok: false, failure: AuthFailure.invalid };
    }
    const user = await this.#accounts.getUser(found.userId);
    if (user === null) {
      return { ok: false, failure: AuthFailure.invalid };
    }
    if (!user.isActive) {
      return { ok: false, failure: AuthFailure.inactive };
    }
    return { ok: true, context: { user, actor: actorOf(user), kind: found.kind, tokenHash } };
  }

  async #findSession(tokenHash: Uint8Array): Promise<{ userId: UserRecord['id']; kind: CredentialKind } | null> {
    const session = await this.#accounts.findSession(tokenHash);
    if (session === null || !sameHash(session.tokenHash, tokenHash)) {
      return null;
    }
    if (session.expiresAt <= this.#now()) {
      await this.#accounts.deleteSession(tokenHash);
      return null;
    }
    return { userId: session.userId, kind: CredentialKind.session };
  }

  async #findApiToken(tokenHash: Uint8Array): Promise<{ userId: UserRecord['id']; kind: CredentialKind } | null> {
    const token = await this.#accounts.findApiToken(tokenHash);
    if (token === null || token.revokedAt !== null || !sameHash(token.tokenHash, tokenHash)) {
      return null;
    }
    const now = this.#now();
    if (token.expiresAt <= now) {
      return null;
    }
    if (token.lastUsedAt === null || now - token.lastUsedAt >= TOKEN_TOUCH_INTERVAL_MS) {
      await this.#accounts.touchApiToken(token.id, now);
    }
    return { userId: token.userId, kind: CredentialKind.apiToken };
  }
}
