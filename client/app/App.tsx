import { lazy, type ReactElement, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { SignInPage } from '../features/auth/SignInPage';
import { StorageBanner } from '../features/storage/StorageBanner';
import { useAuth } from '../ui/hooks/useWorkspace';
import { type AppServices, AppServicesContext } from '../ui/services/services';
import { JoinPage, SetupPage } from './pages';
import { Splash } from './Splash';
import { useLeaveGuard } from './useLeaveGuard';

/**
 * The signed-in app (its routes, its guards and the account's pages) is a chunk of its own: a
 * first visit downloads only what the sign-in page needs.
 */
const AccountArea = lazy(async () => ({ default: (await import('./AccountArea')).AccountArea }));

function SignedInArea(): ReactElement {
  const auth = useAuth();
  switch (auth.status) {
    case 'loading':
      return <Splash />;
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
export function App({ app }: { readonly app: AppServices }): ReactElement {
  useLeaveGuard(app);
  return (
    <AppServicesContext.Provider value={app}>
      <StorageBanner />
      <Suspense fallback={<Splash />}>
        <Switch>
          <Route path="/setup/:token">{(params) => <SetupPage token={params.token} />}</Route>
          <Route path="/join/:token">{(params) => <JoinPage token={params.token} />}</Route>
          <Route>
            <SignedInArea />
          </Route>
        </Switch>
      </Suspense>
    </AppServicesContext.Provider>
  );
}
