import { ClientError, ClientErrorCode } from '../core/errors';
import { createStore, type Store } from '../core/lib';
import { hasAppDatabases } from '../core/storage';
import type { ComposedApp } from './compose';

/** The performance mark set when the services have started. */
export const SERVICES_MARK = 'jianyan:services';

type ReadOnly<T> = Pick<Store<T>, 'getSnapshot' | 'subscribe'>;

/**
 * The first page's start: the app's services (the device store, the API client, who is signed in)
 * are a chunk of their own, fetched at once but not waited for, so that a first visit on a slow
 * network can draw the sign-in form and be typed into before Dexie and the schemas arrive.
 */
export interface Boot {
  /** The composed and started services; null until their code is here. */
  readonly app: ReadOnly<ComposedApp | null>;
  /**
   * Whether this browser has never held the app's data (nobody can be signed in, so the sign-in
   * form may be drawn before the services arrive); null until known, or where it cannot be told.
   */
  readonly isFreshDevice: ReadOnly<boolean | null>;
  /**
   * Whether fetching the services failed (the network dropped on a first visit). Browsers keep a
   * failed module fetch, so the page offers a reload rather than trying again by itself.
   */
  readonly failed: ReadOnly<boolean>;
  /** Resolves with the started services; rejects (a network error) when their code could not be fetched. */
  load(): Promise<ComposedApp>;
}

/** Starts the boot: asks whether the device is fresh and fetches the services; `onStarted` runs once they run. */
export function boot(onStarted: (app: ComposedApp) => void): Boot {
  const app = createStore<ComposedApp | null>(null);
  const isFreshDevice = createStore<boolean | null>(null);
  const failed = createStore(false);
  void hasAppDatabases().then((hasData) => isFreshDevice.set(hasData === null ? null : !hasData));
  let loading: Promise<ComposedApp> | null = null;
  const load = (): Promise<ComposedApp> => {
    loading ??= import('./compose').then(
      // Once: a fetch that succeeded is never made again.
      ({ composeApp }) => {
        const composed = composeApp();
        composed.start();
        app.set(composed);
        // When signing in became possible: the slow-network benchmark reads it.
        performance.mark(SERVICES_MARK);
        onStarted(composed);
        return composed;
      },
      (err: unknown) => {
        loading = null;
        failed.set(true);
        // The code could not be fetched: to the sign-in form, as any request that found no network.
        throw new ClientError({ code: ClientErrorCode.network, message: 'The app could not be loaded', cause: err });
      },
    );
    return loading;
  };
  load().catch(() => undefined);
  return { app, isFreshDevice, failed, load };
}
