import { createContext } from 'react';
import type { UserId } from '../../../shared';
import type { ActivitiesRuntime } from '../../core/activities';
import type { ApiClient, ServerClock } from '../../core/api';
import type { Diagnostics } from '../../core/diagnostics';
import type { DocFiles } from '../../core/files';
import type { DeviceKeys } from '../../core/keys';
import type { Store } from '../../core/lib';
import type { Outbox } from '../../core/outbox';
import type { Identity } from '../../core/presence';
import type { ReviewRuntime } from '../../core/review';
import type { Rooms } from '../../core/rooms';
import type { DeviceStore, StorageHealth } from '../../core/storage';
import type { BackgroundSync } from '../../core/sync';
import type {
  AuthStore,
  DocAccessTracker,
  SignOutOutcome,
  WorkspaceCache,
  WorkspaceGate,
  WorkspaceRuntime,
} from '../../core/workspace';
import type { SearchService } from '../../search';

/** What the app holds for as long as the page is open, whoever is signed in. */
export interface AppServices {
  readonly diagnostics: Diagnostics;
  readonly health: StorageHealth;
  readonly api: ApiClient;
  /** The server's time, which comments are stamped with. */
  readonly clock: ServerClock;
  /** Who is signed in on this device. */
  readonly auth: AuthStore;
  /** Whether the signed-in account's device copy is open (its data key), locked or opening. */
  readonly keys: DeviceKeys;
  /** The signed-in user's name and caret colour. */
  readonly identity: Pick<Store<Identity>, 'getSnapshot' | 'subscribe'>;
  /** The signed-in (or expired) account's services; null while nobody is signed in. */
  readonly account: Pick<Store<AccountServices | null>, 'getSnapshot' | 'subscribe'>;
  /**
   * Signs out (see `AuthStore.signOut`); with `clearDevice` the account's data on this device goes
   * too (公用电脑). The caller makes sure nothing unsent is left first.
   */
  signOut(options: { readonly clearDevice: boolean }): Promise<SignOutOutcome>;
}

/** What one signed-in account holds; built when they sign in, disposed when they sign out. */
export interface AccountServices {
  readonly userId: UserId;
  /** The account's own device store. */
  readonly store: DeviceStore;
  readonly outbox: Outbox;
  readonly cache: WorkspaceCache;
  readonly access: DocAccessTracker;
  readonly gate: WorkspaceGate;
  readonly rooms: Rooms;
  readonly backgroundSync: BackgroundSync;
  readonly workspace: WorkspaceRuntime;
  readonly review: ReviewRuntime;
  /** Meetings and activities: the list read offline, the organiser's list and check-ins queued. */
  readonly activities: ActivitiesRuntime;
  /** Photos and attachments of documents: kept on the device, uploaded, fetched when viewed. */
  readonly files: DocFiles;
  /** Offline search of the documents on the device; null where the browser has no Web Worker. */
  readonly search: SearchService | null;
}

/** The app's services; null on the first page until their code has arrived (client/app/boot.ts). */
export const AppServicesContext = createContext<AppServices | null>(null);
/**
 * Resolves with the app's services, fetching their code if it is not here yet: the sign-in form is
 * drawn and typed into before they arrive, and waits for them only to sign in.
 */
export const AppLaterContext = createContext<(() => Promise<AppServices>) | null>(null);
export const AccountServicesContext = createContext<AccountServices | null>(null);
