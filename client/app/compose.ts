import type { UserId } from '../../shared';
import { ApiClient, ServerClock } from '../core/api';
import { createDiagnostics } from '../core/diagnostics';
import { DeviceKeys } from '../core/keys';
import { createStore } from '../core/lib';
import { createIdentity } from '../core/presence';
import {
  ACCOUNT_DB_PREFIX,
  createStorageHealth,
  DEVICE_DB_NAME,
  DexieDeviceAccounts,
  LEGACY_DB_NAME,
  type RowCipher,
} from '../core/storage';
import { createAuthStore, type SignOutOutcome, userOf } from '../core/workspace';
import type { AppServices } from '../ui/services/services';
import type { AccountContext, ComposeOptions, DatabaseNames, Running } from './composeTypes';

/** The app's services, and the running account's, with what starts and stops them. */
export interface ComposedApp extends AppServices {
  /** Reads who is signed in on this device and follows the server. Returns a stop function. */
  start(): () => void;
}

/** The account's composition, fetched once the first account opens (client/app/composeAccount.ts). */
type AccountComposer = typeof import('./composeAccount');

/**
 * The one composition root of the client: builds the device store, the API client, who is
 * signed in, and, for each account that signs in, that account's services (outbox, workspace,
 * rooms, background sync, review), which are disposed when the account signs out or another one
 * signs in. Nothing below imports this file: each part declares what it needs and gets it here.
 */
export function composeApp(options: ComposeOptions = {}): ComposedApp {
  const diagnostics = options.diagnostics ?? createDiagnostics();
  const health = createStorageHealth();
  const names = databaseNames(options.dbName);
  const devices = new DexieDeviceAccounts({
    name: names.device,
    accountPrefix: names.accountPrefix,
    legacyName: names.legacy,
  });
  const clock = new ServerClock();
  const api = new ApiClient(options.fetch === undefined ? { clock } : { fetch: options.fetch, clock });
  const keys = new DeviceKeys({
    keyrings: devices,
    api,
    diagnostics,
    ...(options.passwordIterations === undefined ? {} : { passwordIterations: options.passwordIterations }),
  });
  const auth = createAuthStore({
    account: devices,
    api,
    diagnostics,
    onPasswordAccepted: (me, password, isKeptHere) => keys.acceptPassword(me.id, password, isKeptHere),
  });
  const identity = createIdentity(auth, () => userOf(auth.getSnapshot()));
  const account = createStore<Running | null>(null);
  const app: AccountContext = { diagnostics, health, api, clock, auth, keys, identity, account, names };

  /**
   * The account follows who is signed in and whether their device copy is open: a new user gets
   * a new graph once their key opens, signing out disposes it and the key leaves memory.
   */
  // While a shared computer is cleared, the person is as good as gone: nothing of theirs reopens.
  let isClearing = false;
  /** Whose services should run now, with the cipher of their open device copy; null for none. */
  const wantedAccount = (): { readonly userId: UserId; readonly cipher: RowCipher } | null => {
    const me = isClearing ? null : userOf(auth.getSnapshot());
    const opened = keys.state.getSnapshot();
    // Until a one-time or reset password is changed the server refuses the account's services:
    // none is started (the app shows only the password change), and a running one stops.
    const isBlocked = me?.mustChangePassword === true && auth.getSnapshot().status === 'signed_in';
    if (me === null || isBlocked || opened.status !== 'open' || opened.userId !== me.id) {
      return null;
    }
    return { userId: me.id, cipher: opened.cipher };
  };
  const followAccount = (): void => {
    const userId = (isClearing ? null : userOf(auth.getSnapshot()))?.id ?? null;
    const key = keys.state.getSnapshot();
    if (userId === null) {
      if (key.status !== 'none') {
        keys.close();
      }
    } else if (key.status === 'none' || key.userId !== userId) {
      void keys.open(userId);
    }
    const wanted = wantedAccount();
    const running = account.getSnapshot();
    if (running !== null && running.userId === wanted?.userId && running.cipher === wanted.cipher) {
      return;
    }
    if (running === null && wanted === null) {
      return;
    }
    running?.stop();
    account.set(null);
    if (wanted !== null) {
      void startAccount(wanted.userId, wanted.cipher);
    }
  };

  let composer: Promise<AccountComposer> | null = null;
  let isStopped = false;
  /** Composes the account once its code is here, unless meanwhile another account or none was wanted. */
  const startAccount = async (userId: UserId, cipher: RowCipher): Promise<void> => {
    composer ??= import('./composeAccount');
    let loaded: AccountComposer;
    try {
      loaded = await composer;
    } catch (err) {
      // Fetched again on the next change of account or network.
      composer = null;
      diagnostics.report('account.load', err);
      return;
    }
    const wanted = wantedAccount();
    const isWanted =
      !isStopped && account.getSnapshot() === null && wanted?.userId === userId && wanted.cipher === cipher;
    if (isWanted) {
      account.set(loaded.composeAccount(app, { userId, cipher }, options));
    }
  };

  const signOut = async ({ clearDevice }: { readonly clearDevice: boolean }): Promise<SignOutOutcome> => {
    const userId = userOf(auth.getSnapshot())?.id ?? null;
    if (clearDevice && userId !== null) {
      // The account's services stop (closing its database) and its key leaves memory first, so
      // that its data is deleted before the sign-in page shows: whoever sits down next finds
      // nothing, even if the last person closed the browser at once.
      isClearing = true;
      try {
        followAccount();
        await devices.deleteAccountData(userId).catch((err: unknown) => diagnostics.report('signOut.device', err));
        return await auth.signOut();
      } finally {
        isClearing = false;
      }
    }
    // Signing out disposes the account's services (through followAccount), closing its database,
    // and the data key leaves memory.
    const outcome = await auth.signOut();
    if (userId !== null) {
      await keys.forgetKeptKey(userId).catch((err: unknown) => diagnostics.report('signOut.device', err));
    }
    return outcome;
  };

  return {
    diagnostics,
    health,
    api,
    clock,
    auth,
    keys,
    identity,
    account,
    signOut,
    start() {
      const stopFollowing = auth.subscribe(followAccount);
      const stopFollowingKeys = keys.state.subscribe(followAccount);
      const stopUnauthorized = api.onUnauthorized(() => auth.expire());
      const stopOtherTabs = auth.followOtherTabs();
      const stopOnline = followOnline(() => {
        void auth.sendPendingSignOut();
        // The account's code may have failed to arrive while offline.
        followAccount();
        // A key locked while offline opens with the server's key now.
        const key = keys.state.getSnapshot();
        if (key.status === 'locked' || key.status === 'failed') {
          keys.close();
          followAccount();
        }
      });
      isStopped = false;
      followAccount();
      void auth.init();
      return () => {
        isStopped = true;
        stopFollowing();
        stopFollowingKeys();
        stopUnauthorized();
        stopOtherTabs();
        stopOnline();
        account.getSnapshot()?.stop();
        account.set(null);
        keys.close();
        devices.close();
      };
    },
  };
}

/** The names of the device database and of each account's, under an optional test prefix. */
function databaseNames(prefix: string | undefined): DatabaseNames {
  return prefix === undefined
    ? { device: DEVICE_DB_NAME, accountPrefix: ACCOUNT_DB_PREFIX, legacy: LEGACY_DB_NAME }
    : { device: `${prefix}-device`, accountPrefix: `${prefix}-account`, legacy: prefix };
}

/** Calls `onOnline` whenever the browser says the network is back. Returns a stop function. */
function followOnline(onOnline: () => void): () => void {
  const target = globalThis as Partial<Pick<Window, 'addEventListener' | 'removeEventListener'>>;
  target.addEventListener?.('online', onOnline);
  return () => target.removeEventListener?.('online', onOnline);
}
