import { useCallback, useContext } from 'react';
import {
  type AccountServices,
  AccountServicesContext,
  AppLaterContext,
  type AppServices,
  AppServicesContext,
} from './services';

/** The app's services (the provider is the composition root's). */
export function useApp(): AppServices {
  const app = useContext(AppServicesContext);
  if (app === null) {
    throw new Error('useApp() needs the AppServicesContext provider (client/app/App.tsx)');
  }
  return app;
}

/**
 * A function resolving with the app's services: for the sign-in form, which is usable before they
 * have arrived. Under a provider of the services themselves it resolves with them at once.
 */
export function useAppLater(): () => Promise<AppServices> {
  const app = useContext(AppServicesContext);
  const later = useContext(AppLaterContext);
  return useCallback(() => {
    if (app !== null) {
      return Promise.resolve(app);
    }
    if (later !== null) {
      return later();
    }
    return Promise.reject(new Error('useAppLater() needs AppServicesContext or AppLaterContext (client/app/App.tsx)'));
  }, [app, later]);
}

/** The signed-in account's services: only under the pages of a signed-in (or expired) person. */
export function useAccount(): AccountServices {
  const account = useContext(AccountServicesContext);
  if (account === null) {
    throw new Error('useAccount() is for pages of a signed-in person, under AccountServicesContext');
  }
  return account;
}
