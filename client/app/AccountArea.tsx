import { type ReactElement, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch } from 'wouter';
import { Action, can, Role } from '../../shared';
import type { Me } from '../../shared/api/schemas';
import { AccessNotice } from '../features/access/AccessNotice';
import { ExpiredBanner } from '../features/auth/ExpiredBanner';
import { ForcedPasswordChange } from '../features/auth/ForcedPasswordChange';
import { DeviceCopyGate } from '../features/device/DeviceCopyGate';
import { hasDutyRecord, managesDuty, reviewsDuty } from '../features/duty/dutyAccess';
import { Page } from '../features/shell/Page';
import { useStore } from '../ui/hooks/useStore';
import { AccountServicesContext } from '../ui/services/services';
import { useApp } from '../ui/services/useServices';
import {
  ActivitiesPage,
  ActivityPage,
  CapturePage,
  CategoriesAdminPage,
  CheckInPage,
  CommitteeAdminPage,
  CommitteeDutyPage,
  DeskPage,
  DocumentPage,
  FiguresPage,
  GroupPage,
  GroupsAdminPage,
  HomePage,
  InboxPage,
  MemberDutyPage,
  MyDutyPage,
  PeopleAdminPage,
  ProposalsPage,
  preloadWorkspacePages,
  RulesPage,
  SearchPage,
  SettingsPage,
  WebhooksAdminPage,
} from './pages';
import { Splash } from './Splash';

function NotFound(): ReactElement {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.message')}>
      <p className="page-notice">{t('notFound.message')}</p>
    </Page>
  );
}

function AdminOnly({ me, children }: { readonly me: Me; readonly children: ReactElement }): ReactElement {
  return can(me, Action.managePeople, { type: 'committee' }) ? children : <AccessNotice kind="forbidden_page" />;
}

function ProposalsForbidden(): ReactElement {
  const { t } = useTranslation();
  return <AccessNotice kind="forbidden_page" forbiddenBody={t('proposals.forbidden')} />;
}

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
  useEffect(preloadWorkspacePages, []);
  return (
    <Suspense fallback={<Splash />}>
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
            <FiguresPage />
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
        <Route path="/capture">
          <CapturePage me={me} />
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
    </Suspense>
  );
}

/**
 * The pages of the account's services; a new account remounts them with its own. An account
 * that must change its password sees only that change (its services are not started: the server
 * refuses them until then), once its device copy is open, so that the copy is wrapped with the
 * new password.
 */
export function AccountArea({ me, isExpired }: { readonly me: Me; readonly isExpired: boolean }): ReactElement {
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
