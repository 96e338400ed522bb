import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/**
 * Every page of the signed-in app is a chunk of its own, fetched the first time it is opened:
 * the sign-in page downloads none of them, and a member who never opens the admin pages never
 * downloads those. The service worker precaches them all once installed, so that they open
 * offline as before (docs/ARCHITECTURE.md "Loading").
 */
// biome-ignore lint/suspicious/noExplicitAny: React.lazy takes a component of any props, as each page has its own.
type AnyPage = ComponentType<any>;

function page<Module extends { readonly [key in Name]: AnyPage }, Name extends keyof Module & string>(
  load: () => Promise<Module>,
  name: Name,
): LazyExoticComponent<Module[Name]> {
  return lazy(async () => ({ default: (await load())[name] }));
}

const loadHome = () => import('../features/home/HomePage');
const loadGroup = () => import('../features/group/GroupPage');
const loadDocument = () => import('../features/document/DocumentPage');

export const HomePage = page(loadHome, 'HomePage');
export const GroupPage = page(loadGroup, 'GroupPage');
export const DocumentPage = page(loadDocument, 'DocumentPage');
export const InboxPage = page(() => import('../features/inbox/InboxPage'), 'InboxPage');
export const CapturePage = page(() => import('../features/capture/CapturePage'), 'CapturePage');
export const SearchPage = page(() => import('../features/search/SearchPage'), 'SearchPage');
export const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');
export const ActivitiesPage = page(() => import('../features/activities/ActivitiesPage'), 'ActivitiesPage');
export const ActivityPage = page(() => import('../features/activities/ActivityPage'), 'ActivityPage');
export const CheckInPage = page(() => import('../features/activities/CheckInPage'), 'CheckInPage');
export const MyDutyPage = page(() => import('../features/duty/DutyPage'), 'MyDutyPage');
export const MemberDutyPage = page(() => import('../features/duty/DutyPage'), 'MemberDutyPage');
export const CommitteeDutyPage = page(() => import('../features/duty/CommitteeDutyPage'), 'CommitteeDutyPage');
export const RulesPage = page(() => import('../features/duty/RulesPage'), 'RulesPage');
export const ProposalsPage = page(() => import('../features/proposals/ProposalsPage'), 'ProposalsPage');
export const DeskPage = page(() => import('../features/handling/DeskPage'), 'DeskPage');
export const FiguresPage = page(() => import('../features/figures/FiguresPage'), 'FiguresPage');
export const PeopleAdminPage = page(() => import('../features/admin/PeopleAdminPage'), 'PeopleAdminPage');
export const GroupsAdminPage = page(() => import('../features/admin/GroupsAdminPage'), 'GroupsAdminPage');
export const CommitteeAdminPage = page(() => import('../features/committee/CommitteeAdminPage'), 'CommitteeAdminPage');
export const CategoriesAdminPage = page(() => import('../features/fields/CategoriesAdminPage'), 'CategoriesAdminPage');
export const WebhooksAdminPage = page(() => import('../features/webhooks/WebhooksAdminPage'), 'WebhooksAdminPage');
export const SetupPage = page(() => import('../features/auth/SetupPage'), 'SetupPage');
export const JoinPage = page(() => import('../features/auth/JoinPage'), 'JoinPage');

/**
 * Fetches the pages a signed-in member opens first (home, a group, a document) while they look at
 * the page they are on, so that the first click does not wait for the network. Errors are left to
 * the page's own load, which retries when it is opened.
 */
export function preloadWorkspacePages(): void {
  for (const load of [loadHome, loadGroup, loadDocument]) {
    load().catch(() => undefined);
  }
}
