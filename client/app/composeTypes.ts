import type { DocId } from '../../shared';
import type { Diagnostics } from '../core/diagnostics';
import type { EventSourceLike } from '../core/review';
import type { SyncOnceOptions, SyncOutcome } from '../core/rooms';
import type { RowCipher } from '../core/storage';
import type { AccountServices, AppServices } from '../ui/services/services';

/** Options for tests and tools; the app itself passes none. */
export interface ComposeOptions {
  /** A prefix of the device's database names; tests use their own. */
  readonly dbName?: string;
  /** The fetch of the API client; tests pass a fake server's. */
  readonly fetch?: typeof fetch;
  readonly isOnline?: () => boolean;
  /** The live stream's EventSource; tests pass a fake, or none. */
  readonly createEventSource?: (url: string) => EventSourceLike | null;
  readonly diagnostics?: Diagnostics;
  /**
   * Brings one document to and from the server instead of opening its rooms on the relay (tests
   * of the workspace without a relay); by default `Rooms.syncOnce`.
   */
  readonly syncDoc?: (docId: DocId, signal: AbortSignal, options: SyncOnceOptions) => Promise<SyncOutcome>;
  /** PBKDF2 rounds of a new password wrapping (`PASSWORD_ITERATIONS`); tests use fewer. */
  readonly passwordIterations?: number;
}

/** The device's database names, under an optional test prefix. */
export interface DatabaseNames {
  readonly device: string;
  readonly accountPrefix: string;
  readonly legacy: string;
}

/** An account's services as they run, with the cipher of their device copy and what stops them. */
export type Running = AccountServices & { readonly cipher: RowCipher; readonly stop: () => void };

/** What the account's composition needs of the app's. */
export type AccountContext = Omit<AppServices, 'signOut'> & { readonly names: DatabaseNames };
