import { useContext } from 'react';
import { type AccountServices, AccountServicesContext, type AppServices, AppServicesContext } from './services';

/** The app's services (the provider is the composition root's). */
export function useApp(): AppServices {
  const app = useContext(AppServicesContext);
  if (app === null) {
    throw new Error('useApp() needs the AppServicesContext provider (client/app/App.tsx)');
  }
  return app;
}

/** The signed-in account's services: only under the pages of a signed-in (or expired) person. */
export function useAccount(): AccountServices {
  const account = useContext(AccountServicesContext);
  if (account === null) {
    throw new Error('useAccount() is for pages of a signed-in person, under AccountServicesContext');
  }
  return account;
}
