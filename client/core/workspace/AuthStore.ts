import type { Me, Session } from '../../../shared/api/schemas';
import type { ApiClient } from '../api';
import type { Diagnostics } from '../diagnostics';
import { ClientErrorCode, hasErrorCode } from '../errors';
import { createStore, type Store } from '../lib';
import type { DeviceAccounts } from '../storage';

export type AuthState =
  | { readonly status: 'loading' }
  /** `isSignOutPending`: signed out here while offline; the server is told when the network returns. */
  | { readonly status: 'signed_out'; readonly isSignOutPending?: true }
  | { readonly status: 'signed_in'; readonly me: Me }
  /** The server refused the session (401 or relay 4401): cached workspace and unsent edits stay; sign in again. */
  | { readonly status: 'expired'; readonly me: Me };

export interface AccountInput {
  readonly username: string;
  readonly name: string;
  readonly password: string;
}

/** Who is signed in on this device, kept in Dexie so that the app works offline after a reload. */
export interface AuthStore extends Pick<Store<AuthState>, 'getSnapshot' | 'subscribe'> {
  /** Reads the cached account, then asks the server (`GET /api/me`). Never rejects. */
  init(): Promise<void>;
  /**
   * Throws a ClientError: refused (its code) or `network` (offline). `isKeptHere` says whether the
   * key of the account's device copy may stay on this device (不是公用电脑); true by default.
   */
  signIn(username: string, password: string, options?: { readonly isKeptHere?: boolean }): Promise<void>;
  completeSetup(token: string, input: AccountInput): Promise<void>;
  acceptInvitation(token: string, input: AccountInput): Promise<void>;
  /**
   * Signs this device out at once, online or not. Resolves `pending` when the server could not be
   * told (offline): the sign-out is kept and sent before anything else when the network returns or
   * at the next start, so the old session never signs anyone in again. Never rejects.
   */
  signOut(): Promise<SignOutOutcome>;
  /** Sends a sign-out made offline, if one waits (the network is back). Never rejects. */
  sendPendingSignOut(): Promise<void>;
  /**
   * Follows the other tabs of this browser: a sign-out there signs this tab out too (no page of
   * the last person stays open), a sign-in there signs this tab in. Returns a stop function.
   */
  followOtherTabs(): () => void;
  /** The server refused the session (an API 401 or a relay 4401). */
  expire(): void;
  /** A fresher copy of the signed-in user (from the workspace answer). */
  updateMe(me: Me): void;
  /** Resolves once every account change so far is stored on the device. */
  whenStored(): Promise<void>;
}

/** Whether the server heard a sign-out (`done`) or will when the network returns (`pending`). */
export type SignOutOutcome = 'done' | 'pending';

export interface AuthStoreOptions {
  readonly account: DeviceAccounts;
  readonly api: Pick<ApiClient, 'me' | 'signIn' | 'signOut' | 'completeSetup' | 'acceptInvitation'>;
  readonly diagnostics: Diagnostics;
  readonly now?: () => number;
  /**
   * The server accepted `password` for `me` (a sign-in, the first account, an invitation): called
   * before the account counts as signed in, so that its device copy can be opened with it.
   */
  readonly onPasswordAccepted?: (me: Me, password: string, isKeptHere: boolean) => Promise<void>;
}

/** The user to work as, in any state; null when nobody is signed in on this device. */
export function userOf(state: AuthState): Me | null {
  return state.status === 'signed_in' || state.status === 'expired' ? state.me : null;
}

/** Creates the store of who is signed in on this device; `init` reads the device and asks the server. */
export function createAuthStore(options: AuthStoreOptions): AuthStore {
  return new DeviceAuth(options);
}

class DeviceAuth implements AuthStore {
  readonly #store = createStore<AuthState>({ status: 'loading' });
  /** Settles once `init` has run (at once when it was never called, as in some tests). */
  #initialised: Promise<void> = Promise.resolve();
  readonly #options: AuthStoreOptions;
  #writes: Promise<void> = Promise.resolve();
  /** Increased by every sign-in and sign-out: an older `GET /api/me` answer must not undo them. */
  #generation = 0;

  constructor(options: AuthStoreOptions) {
    this.#options = options;
  }

  readonly getSnapshot = (): AuthState => this.#store.getSnapshot();
  readonly subscribe = (onChange: () => void): (() => void) => this.#store.subscribe(onChange);

  /**
   * Reads who is signed in on this device, then asks the server. A sign-in sent meanwhile (the
   * first page's form is usable before this has run) waits for it: the answer of `GET /api/me`
   * to the old cookie, a 401, must not expire the session that sign-in just began.
   */
  init(): Promise<void> {
    const running = this.#init();
    this.#initialised = running.catch(() => undefined);
    return running;
  }

  async #init(): Promise<void> {
    const { account, api, diagnostics } = this.#options;
    const startedAt = this.#generation;
    if (!(await this.#endPendingSignOut())) {
      // A sign-out the server has not heard yet: the old cookie may still be valid, so it is not
      // asked who is signed in; signing in again needs the server anyway.
      if (this.#generation === startedAt && this.getSnapshot().status === 'loading') {
        this.#store.set({ status: 'signed_out', isSignOutPending: true });
      }
      return;
    }
    const cached = await account.read().catch((err: unknown) => {
      diagnostics.report('auth.readAccount', err);
      return null;
    });
    if (cached !== null && this.#generation === startedAt && this.getSnapshot().status === 'loading') {
      this.#store.set({ status: cached.isExpired ? 'expired' : 'signed_in', me: cached.me });
    }
    let me: Me;
    try {
      me = await api.me();
    } catch (err) {
      if (this.#generation === startedAt) {
        this.#onRefusedAtStart(err, cached !== null);
      }
      return;
    }
    if (this.#generation === startedAt) {
      this.#setSignedIn(me);
    }
  }

  async signIn(username: string, password: string, options: { readonly isKeptHere?: boolean } = {}): Promise<void> {
    await this.#initialised;
    // A sign-out made offline goes first: its session must not outlive the new one.
    await this.#endPendingSignOut();
    return this.#startSession(this.#options.api.signIn({ username, password }), password, options.isKeptHere ?? true);
  }

  async completeSetup(token: string, input: AccountInput): Promise<void> {
    await this.#initialised;
    return this.#startSession(this.#options.api.completeSetup({ token, ...input }), input.password, true);
  }

  async acceptInvitation(token: string, input: AccountInput): Promise<void> {
    await this.#initialised;
    return this.#startSession(this.#options.api.acceptInvitation(token, input), input.password, true);
  }

  async signOut(): Promise<SignOutOutcome> {
    const { account, api, diagnostics } = this.#options;
    this.#generation += 1;
    const userId = userOf(this.getSnapshot())?.id ?? null;
    this.#store.set({ status: 'signed_out' });
    this.#persist(() => account.clear());
    let outcome: SignOutOutcome = 'done';
    try {
      await api.signOut();
    } catch (err) {
      if (hasErrorCode(err, ClientErrorCode.network)) {
        outcome = 'pending';
        this.#persist(() => account.setPendingSignOut({ userId, at: this.#now() }));
        if (this.getSnapshot().status === 'signed_out') {
          this.#store.set({ status: 'signed_out', isSignOutPending: true });
        }
      } else if (!hasErrorCode(err, ClientErrorCode.unauthorized)) {
        // A session that had already ended is signed out; anything else is reported, and the
        // device is signed out all the same.
        diagnostics.report('auth.signOut', err);
      }
    }
    await this.#writes;
    return outcome;
  }

  async sendPendingSignOut(): Promise<void> {
    await this.#endPendingSignOut();
  }

  followOtherTabs(): () => void {
    return this.#options.account.watchOtherTabs(() => void this.#followStoredAccount());
  }

  readonly expire = (): void => {
    const state = this.getSnapshot();
    if (state.status === 'signed_in') {
      this.#store.set({ status: 'expired', me: state.me });
      this.#persist(() => this.#options.account.save(state.me, true, this.#now()));
    }
  };

  updateMe(me: Me): void {
    const state = this.getSnapshot();
    if (state.status === 'signed_in' && state.me.id === me.id) {
      this.#setSignedIn(me);
    }
  }

  whenStored(): Promise<void> {
    return this.#writes;
  }

  /**
   * Sends a sign-out that waits (made offline), if any. Resolves true when none waits any more
   * (sent, or the session had ended already), false when it still waits (offline).
   */
  async #endPendingSignOut(): Promise<boolean> {
    const { account, api, diagnostics } = this.#options;
    const pending = await account.readPendingSignOut().catch((err: unknown) => {
      diagnostics.report('auth.readPendingSignOut', err);
      return null;
    });
    if (pending === null) {
      return true;
    }
    try {
      await api.signOut();
    } catch (err) {
      if (hasErrorCode(err, ClientErrorCode.network)) {
        return false;
      }
      if (!hasErrorCode(err, ClientErrorCode.unauthorized)) {
        diagnostics.report('auth.pendingSignOut', err);
        return false;
      }
    }
    await account.setPendingSignOut(null).catch((err: unknown) => diagnostics.report('auth.clearPendingSignOut', err));
    const state = this.getSnapshot();
    if (state.status === 'signed_out' && state.isSignOutPending === true) {
      this.#store.set({ status: 'signed_out' });
    }
    return true;
  }

  /** Takes on who is signed in as another tab stored it; nothing is written or sent. */
  async #followStoredAccount(): Promise<void> {
    const { account, diagnostics } = this.#options;
    const startedAt = this.#generation;
    let stored: Awaited<ReturnType<DeviceAccounts['read']>>;
    let pending: Awaited<ReturnType<DeviceAccounts['readPendingSignOut']>>;
    try {
      [stored, pending] = await Promise.all([account.read(), account.readPendingSignOut()]);
    } catch (err) {
      diagnostics.report('auth.followOtherTabs', err);
      return;
    }
    if (this.#generation !== startedAt || this.getSnapshot().status === 'loading') {
      return;
    }
    const current = this.getSnapshot();
    if (stored === null) {
      if (current.status !== 'signed_out' || (pending !== null) !== (current.isSignOutPending === true)) {
        this.#generation += 1;
        this.#store.set(pending === null ? { status: 'signed_out' } : { status: 'signed_out', isSignOutPending: true });
      }
      return;
    }
    const status = stored.isExpired ? 'expired' : 'signed_in';
    if (userOf(current)?.id !== stored.me.id || current.status !== status) {
      this.#generation += 1;
      this.#store.set({ status, me: stored.me });
    }
  }

  /** `GET /api/me` failed at start: a cached user keeps working, expired on a 401; without one, signed out. */
  #onRefusedAtStart(err: unknown, hasCachedUser: boolean): void {
    if (!hasCachedUser) {
      // Offline (or the server failed) and nobody known: signing in needs the server anyway.
      this.#store.set({ status: 'signed_out' });
    } else if (hasErrorCode(err, ClientErrorCode.unauthorized)) {
      this.expire();
    }
  }

  async #startSession(request: Promise<Session>, password: string, isKeptHere: boolean): Promise<void> {
    const { user } = await request;
    this.#generation += 1;
    const generation = this.#generation;
    await this.#options.onPasswordAccepted?.(user, password, isKeptHere).catch((err: unknown) => {
      this.#options.diagnostics.report('auth.passwordAccepted', err);
    });
    if (generation !== this.#generation) {
      return;
    }
    this.#setSignedIn(user);
    await this.#writes;
  }

  #setSignedIn(me: Me): void {
    this.#store.set({ status: 'signed_in', me });
    this.#persist(() => this.#options.account.save(me, false, this.#now()));
  }

  #persist(write: () => Promise<void>): void {
    // In order, and a failed write never blocks the next: the in-memory state is what counts.
    this.#writes = this.#writes
      .then(write)
      .catch((err: unknown) => this.#options.diagnostics.report('auth.storeAccount', err));
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }
}
