import type { Me, Session } from '../../../shared/api/schemas';
import type { ApiClient } from '../api';
import type { Diagnostics } from '../diagnostics';
import { ClientErrorCode, hasErrorCode } from '../errors';
import { createStore, type Store } from '../lib';
import type { AccountStore } from '../storage';

export type AuthState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed_out' }
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
  /** Throws a ClientError: refused (its code) or `network` (offline). */
  signIn(username: string, password: string): Promise<void>;
  completeSetup(token: string, input: AccountInput): Promise<void>;
  acceptInvitation(token: string, input: AccountInput): Promise<void>;
  /** Ends the session; documents and unsent edits stay on the device. Works offline too; never rejects. */
  signOut(): Promise<void>;
  /** The server refused the session (an API 401 or a relay 4401). */
  expire(): void;
  /** A fresher copy of the signed-in user (from the workspace answer). */
  updateMe(me: Me): void;
  /** Resolves once every account change so far is stored on the device. */
  whenStored(): Promise<void>;
}

export interface AuthStoreOptions {
  readonly account: AccountStore;
  readonly api: Pick<ApiClient, 'me' | 'signIn' | 'signOut' | 'completeSetup' | 'acceptInvitation'>;
  readonly diagnostics: Diagnostics;
  readonly now?: () => number;
}

/** The user to work as, in any state; null when nobody is signed in on this device. */
export function userOf(state: AuthState): Me | null {
  return state.status === 'signed_in' || state.status === 'expired' ? state.me : null;
}

export function createAuthStore({ account, api, diagnostics, now = Date.now }: AuthStoreOptions): AuthStore {
  const store = createStore<AuthState>({ status: 'loading' });
  let writes: Promise<void> = Promise.resolve();
  /** Increased by every sign-in and sign-out: an older `GET /api/me` answer must not undo them. */
  let generation = 0;

  const persist = (write: () => Promise<void>): void => {
    // In order, and a failed write never blocks the next: the in-memory state is what counts.
    writes = writes.then(write).catch((err: unknown) => diagnostics.report('auth.storeAccount', err));
  };
  const setSignedIn = (me: Me): void => {
    store.set({ status: 'signed_in', me });
    persist(() => account.save(me, false, now()));
  };
  const expire = (): void => {
    const state = store.getSnapshot();
    if (state.status === 'signed_in') {
      store.set({ status: 'expired', me: state.me });
      persist(() => account.save(state.me, true, now()));
    }
  };
  const startSession = async (request: Promise<Session>): Promise<void> => {
    const { user } = await request;
    generation += 1;
    setSignedIn(user);
    await writes;
  };

  async function init(): Promise<void> {
    const startedAt = generation;
    const cached = await account.read().catch((err: unknown) => {
      diagnostics.report('auth.readAccount', err);
      return null;
    });
    if (cached !== null && generation === startedAt && store.getSnapshot().status === 'loading') {
      store.set({ status: cached.isExpired ? 'expired' : 'signed_in', me: cached.me });
    }
    let me: Me;
    try {
      me = await api.me();
    } catch (err) {
      if (generation !== startedAt) {
        return;
      }
      if (hasErrorCode(err, ClientErrorCode.unauthorized)) {
        // A cached user keeps working offline-style; without one there is nothing to keep.
        if (cached === null) {
          store.set({ status: 'signed_out' });
        } else {
          expire();
        }
      } else if (cached === null) {
        // Offline (or the server failed) and nobody known: signing in needs the server anyway.
        store.set({ status: 'signed_out' });
      }
      return;
    }
    if (generation === startedAt) {
      setSignedIn(me);
    }
  }

  return {
    getSnapshot: store.getSnapshot,
    subscribe: store.subscribe,
    init,
    signIn: (username, password) => startSession(api.signIn({ username, password })),
    completeSetup: (token, input) => startSession(api.completeSetup({ token, ...input })),
    acceptInvitation: (token, input) => startSession(api.acceptInvitation(token, input)),
    async signOut() {
      generation += 1;
      // Offline, a session that had already ended, a failing server: this device signs out all
      // the same (the cookie is HttpOnly; the server ends a forgotten session when it expires).
      await api.signOut().catch((err: unknown) => diagnostics.report('auth.signOut', err));
      store.set({ status: 'signed_out' });
      persist(() => account.clear());
      await writes;
    },
    expire,
    updateMe(me) {
      const state = store.getSnapshot();
      if (state.status === 'signed_in' && state.me.id === me.id) {
        store.set({ status: 'signed_in', me });
        persist(() => account.save(me, false, now()));
      }
    },
    whenStored: () => writes,
  };
}
