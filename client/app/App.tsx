import { lazy, type ReactElement, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { Action, can, Role } from '../../shared';
import type { Me } from '../../shared/api/schemas';
import { AccessNotice } from '../features/access/AccessNotice';
import { ActivitiesPage } from '../features/activities/ActivitiesPage';
import { ActivityPage } from '../features/activities/ActivityPage';
import { CheckInPage } from '../features/activities/CheckInPage';
import { GroupsAdminPage } from '../features/admin/GroupsAdminPage';
import { PeopleAdminPage } from '../features/admin/PeopleAdminPage';
import { ExpiredBanner } from '../features/auth/ExpiredBanner';
import { ForcedPasswordChange } from '../features/auth/ForcedPasswordChange';
import { JoinPage } from '../features/auth/JoinPage';
import { SetupPage } from '../features/auth/SetupPage';
import { SignInPage } from '../features/auth/SignInPage';
import { CommitteeAdminPage } from '../features/committee/CommitteeAdminPage';
import { DeviceCopyGate } from '../features/device/DeviceCopyGate';
import { DocumentPage } from '../features/document/DocumentPage';
import { CommitteeDutyPage } from '../features/duty/CommitteeDutyPage';
import { MemberDutyPage, MyDutyPage } from '../features/duty/DutyPage';
import { hasDutyRecord, managesDuty, reviewsDuty } from '../features/duty/dutyAccess';
import { RulesPage } from '../features/duty/RulesPage';
import { CategoriesAdminPage } from '../features/fields/CategoriesAdminPage';
import { GroupPage } from '../features/group/GroupPage';
import { DeskPage } from '../features/handling/DeskPage';
import { HomePage } from '../features/home/HomePage';
import { InboxPage } from '../features/inbox/InboxPage';
import { ProposalsPage } from '../features/proposals/ProposalsPage';
import { SearchPage } from '../features/search/SearchPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Page } from '../features/shell/Page';
import { StorageBanner } from '../features/storage/StorageBanner';
import { WebhooksAdminPage } from '../features/webhooks/WebhooksAdminPage';
import { useStore } from '../ui/hooks/useStore';
import { useAuth } from '../ui/hooks/useWorkspace';
import { AccountServicesContext, type AppServices, AppServicesContext } from '../ui/services/services';
import { useApp } from '../ui/services/useServices';
import { useLeaveGuard } from './useLeaveGuard';

function NotFound(): ReactElement {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.message')}>
      <p className="page-notice">{t('notFound.message')}</p>
    </Page>
  );
}

function Splash(): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="splash" role="status">
      <img src="/icon.svg" alt="" width="48" height="48" />
      <span>{t('common.loading')}</span>
    </div>
  );
}

function AdminOnly({ me, children }: { readonly me: Me; readonly children: ReactElement }): ReactElement {
  return can(me, Action.managePeople, { type: 'committee' }) ? children : <AccessNotice kind="forbidden_page" />;
}

function ProposalsForbidden(): ReactElement {
  const { t } = useTranslation();
  return <AccessNotice kind="forbidden_page" forbiddenBody={t('proposals.forbidden')} />;
}

// The figures page and its charts load on first visit: they are for a few people, a few times a year.
const FiguresPage = lazy(() =>
  import('../features/figures/FiguresPage').then((module) => ({ default: module.FiguresPage })),
);

/** The committee's figures: the secretariat and chairs (P19). */
function FiguresOnly({ me, children }: { readonly me: Me; readonly children: ReactElement }): ReactElement {
  return can(me, Action.viewAllDocuments, { type: 'committee' }) ? children : <AccessNotice kind="forbidden_page" />;
}

/** The activities' pages: every member's, not a handling unit's (it is invited to none). */
function MembersOnly({ me, children }: { readonly me: Me; readonly children: ReactElement }): ReactElement {
  return me.role === Role.unit ? <AccessNotice kind="forbidden_page" /> : children;
}

/** The pages of a signed-in person (or one whose session expired: they keep working on this device). */
function WorkspaceRoutes({ me }: { readonly me: Me }): ReactElement {
  return (
    <Switch>
      <Route path="/">
        <HomePage me={me} />
      </Route>
      <Route path="/g/:groupId">{(params) => <GroupPage me={me} groupIdText={params.groupId} />}</Route>
      <Route path="/d/:docId">{(params) => <DocumentPage docIdText={params.docId} />}</Route>
      <Route path="/admin/people">
        <AdminOnly me={me}>
          <PeopleAdminPage me={me} />
        </AdminOnly>
      </Route>
      <Route path="/admin/groups">
        <AdminOnly me={me}>
          <GroupsAdminPage />
        </AdminOnly>
      </Route>
      <Route path="/admin/committee">
        <AdminOnly me={me}>
          <CommitteeAdminPage />
        </AdminOnly>
      </Route>
      <Route path="/admin/webhooks">
        <AdminOnly me={me}>
          <WebhooksAdminPage />
        </AdminOnly>
      </Route>
      <Route path="/desk">
        <AdminOnly me={me}>
          <DeskPage />
        </AdminOnly>
      </Route>
      <Route path="/proposals">
        {can(me, Action.viewAllDocuments, { type: 'committee' }) ? <ProposalsPage me={me} /> : <ProposalsForbidden />}
      </Route>
      <Route path="/figures">
        <FiguresOnly me={me}>
          <Suspense fallback={<Splash />}>
            <FiguresPage />
          </Suspense>
        </FiguresOnly>
      </Route>
      <Route path="/duty">{hasDutyRecord(me) ? <MyDutyPage /> : <AccessNotice kind="forbidden_page" />}</Route>
      <Route path="/duty/committee">
        {reviewsDuty(me) ? <CommitteeDutyPage me={me} /> : <AccessNotice kind="forbidden_page" />}
      </Route>
      <Route path="/duty/members/:userId">
        {(params) =>
          reviewsDuty(me) ? <MemberDutyPage userIdText={params.userId} /> : <AccessNotice kind="forbidden_page" />
        }
      </Route>
      <Route path="/duty/rules">{managesDuty(me) ? <RulesPage /> : <AccessNotice kind="forbidden_page" />}</Route>
      <Route path="/admin/categories">
        <AdminOnly me={me}>
          <CategoriesAdminPage />
        </AdminOnly>
      </Route>
      <Route path="/settings">
        <SettingsPage me={me} />
      </Route>
      <Route path="/search">
        <SearchPage />
      </Route>
      <Route path="/inbox">
        <InboxPage />
      </Route>
      <Route path="/activities">
        <MembersOnly me={me}>
          <ActivitiesPage me={me} />
        </MembersOnly>
      </Route>
      <Route path="/activities/:activityId">
        {(params) => (
          <MembersOnly me={me}>
            <ActivityPage me={me} activityId={params.activityId} />
          </MembersOnly>
        )}
      </Route>
      <Route path="/check-in/:activityId">
        {(params) => (
          <MembersOnly me={me}>
            <CheckInPage me={me} activityId={params.activityId} />
          </MembersOnly>
        )}
      </Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

/**
 * The pages of the account's services; a new account remounts them with its own. An account
 * that must change its password sees only that change (its services are not started: the server
 * refuses them until then), once its device copy is open, so that the copy is wrapped with the
 * new password.
 */
function AccountArea({ me, isExpired }: { readonly me: Me; readonly isExpired: boolean }): ReactElement {
  const account = useStore(useApp().account);
  return (
    <DeviceCopyGate me={me} splash={<Splash />}>
      {me.mustChangePassword && !isExpired ? (
        <ForcedPasswordChange me={me} />
      ) : account === null || account.userId !== me.id ? (
        <Splash />
      ) : (
        <AccountServicesContext.Provider key={account.userId} value={account}>
          {isExpired ? <ExpiredBanner me={me} /> : null}
          <WorkspaceRoutes me={me} />
        </AccountServicesContext.Provider>
      )}
    </DeviceCopyGate>
  );
}

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
      <Switch>
        <Route path="/setup/:token">{(params) => <SetupPage token={params.token} />}</Route>
        <Route path="/join/:token">{(params) => <JoinPage token={params.token} />}</Route>
        <Route>
          <SignedInArea />
        </Route>
      </Switch>
    </AppServicesContext.Provider>
  );
}
