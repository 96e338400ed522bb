import { lazy, type ReactElement, Suspense, useContext, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import type { AuthState } from '../core/workspace';
import { SignInPage } from '../features/auth/SignInPage';
import { StorageBanner } from '../features/storage/StorageBanner';
import { useStore } from '../ui/hooks/useStore';
import { ReloadBanner } from '../ui/ReloadBanner';
import { AppLaterContext, AppServicesContext } from '../ui/services/services';
import type { Boot } from './boot';
import { LeaveGuard } from './LeaveGuard';
import { JoinPage, SetupPage } from './pages';
import { Splash } from './Splash';

/**
 * The signed-in app (its routes, its guards and the account's pages) is a chunk of its own: a
 * first visit downloads only what the sign-in page needs.
 */
const AccountArea = lazy(async () => ({ default: (await import('./AccountArea')).AccountArea }));

/** The services' code did not arrive: the page cannot go on without a reload. */
function LoadFailed(): ReactElement {
  const { t } = useTranslation();
  return <ReloadBanner message={t('boot.failed')} reloadLabel={t('boot.reload')} />;
}

const NOBODY_YET = (): null => null;
const NO_CHANGES = (): (() => void) => () => undefined;

/** Who is signed in; null while the services' code has not arrived. */
function useAuthOrNull(): AuthState | null {
  const auth = useContext(AppServicesContext)?.auth ?? null;
  return useSyncExternalStore(auth?.subscribe ?? NO_CHANGES, auth?.getSnapshot ?? NOBODY_YET);
}

function SignedInArea({ isFreshDevice }: { readonly isFreshDevice: boolean | null }): ReactElement {
  const auth = useAuthOrNull();
  if (auth === null || auth.status === 'loading') {
    // A browser that has never held the app has nobody signed in: its sign-in form is drawn
    // before the services arrive (in the same place as below, so that what is typed stays).
    return isFreshDevice === true ? <SignInPage /> : <Splash />;
  }
  switch (auth.status) {
    case 'signed_out':
      return <SignInPage isSignOutPending={auth.isSignOutPending === true} />;
    case 'expired':
    case 'signed_in':
      return <AccountArea me={auth.me} isExpired={auth.status === 'expired'} />;
  }
}

/**
 * Routes. Setting up and joining work signed out; every other address asks to sign in first and
 * stays the same, so signing in lands where the link pointed. `/` home, `/g/:groupId` a group,
 * `/d/:docId` a document, `/activities` (活动), `/activities/:id` (an activity's list and check-in
 * code) and `/check-in/:activityId` (where a scanned code lands) for every member, `/desk` (提案办理), `/proposals` (全部提案) and `/figures` (统计) for chairs and the secretariat,
 * `/duty` (我的履职) for members and conveners, `/duty/committee` (履职考核) and `/duty/members/:userId` for conveners, chairs and
 * the secretariat, `/duty/rules` (考核规则) for the secretariat,
 * `/admin/people`, `/admin/groups`, `/admin/committee`,
 * `/admin/categories` and `/admin/webhooks` for the secretariat, `/settings`, `/inbox` the notifications.
 */
export function App({ boot }: { readonly boot: Boot }): ReactElement {
  const app = useStore(boot.app);
  const isFreshDevice = useStore(boot.isFreshDevice);
  const failed = useStore(boot.failed);
  return (
    <AppLaterContext.Provider value={boot.load}>
      <AppServicesContext.Provider value={app}>
        {app === null ? (
          failed ? (
            <LoadFailed />
          ) : null
        ) : (
          <>
            <LeaveGuard app={app} />
            <StorageBanner />
          </>
        )}
        <Suspense fallback={<Splash />}>
          <Switch>
            <Route path="/setup/:token">
              {(params) => (app === null ? <Splash /> : <SetupPage token={params.token} />)}
            </Route>
            <Route path="/join/:token">
              {(params) => (app === null ? <Splash /> : <JoinPage token={params.token} />)}
            </Route>
            <Route>
              <SignedInArea isFreshDevice={isFreshDevice} />
            </Route>
          </Switch>
        </Suspense>
      </AppServicesContext.Provider>
    </AppLaterContext.Provider>
  );
}
