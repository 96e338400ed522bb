import { type ReactElement, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Action, can, Role } from '../../../shared';
import type { Me, Workspace } from '../../../shared/api/schemas';
import { useOnline } from '../../ui/hooks/useOnline';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { DocListItem } from '../docs/DocListItem';
import { peopleById } from '../docs/peopleNames';
import { CreateDocDialog } from '../group/CreateDocDialog';
import { UnitCases } from '../handling/UnitCases';
import { myGroups } from '../shell/myGroups';
import { Page } from '../shell/Page';
import { useRefreshOnOpen } from '../shell/useRefreshOnOpen';
import { StorageUsage } from '../storage/StorageUsage';
import { lastReturnWords } from '../workflow/lastReturnWords';
import { CallCountdownBanner } from './CallCountdownBanner';
import { GroupCards } from './GroupCards';
import { WorkspaceStatus } from './WorkspaceStatus';
import { waitingDocs } from './waitingDocs';

/** Documents in "最近文档". */
const RECENT_COUNT = 8;

function HomeGroups({ me, workspace }: { readonly me: Me; readonly workspace: Workspace }): ReactElement {
  const { t } = useTranslation();
  const people = useMemo(() => peopleById(workspace.people), [workspace.people]);
  const seesAll = me.role === Role.chair || me.role === Role.secretariat;
  const groups = seesAll ? workspace.groups : myGroups(me, workspace.groups);
  const canCreateGroup = can(me, Action.createGroup, { type: 'committee' });
  return (
    <section className="home-section" aria-labelledby="home-groups">
      <h2 id="home-groups">{seesAll ? t('home.allGroups') : t('home.groups')}</h2>
      {groups.length > 0 ? (
        <GroupCards groups={groups} docs={workspace.docs} people={people} />
      ) : (
        <div className="empty-state">
          <p>{canCreateGroup ? t('home.noGroupsAdmin') : t('home.noGroups')}</p>
          {canCreateGroup ? (
            <Link href="/admin/groups" className="button is-primary">
              {t('home.createGroup')}
            </Link>
          ) : null}
        </div>
      )}
    </section>
  );
}

function HomeDocs({ me, workspace }: { readonly me: Me; readonly workspace: Workspace }): ReactElement {
  const { t, i18n } = useTranslation();
  const people = useMemo(() => peopleById(workspace.people), [workspace.people]);
  const groupNames = new Map(workspace.groups.map((group) => [group.id, group.name]));
  const waiting = waitingDocs(me, workspace.docs);
  const recent = workspace.docs.filter((doc) => !doc.isArchived && doc.groupId !== null).slice(0, RECENT_COUNT);
  const ungrouped = workspace.docs.filter((doc) => !doc.isArchived && doc.groupId === null);
  const now = Date.now();
  const reasonText = {
    returned: t('home.reasonReturned'),
    draft: t('home.reasonDraft'),
    review: t('home.reasonReview'),
    filing: t('home.reasonFiling'),
  };
  return (
    <>
      <section className="home-section" aria-labelledby="home-waiting">
        <h2 id="home-waiting">
          {t('home.waiting')}
          {waiting.length > 0 ? <span className="count-badge">{waiting.length}</span> : null}
        </h2>
        {waiting.length === 0 ? (
          <p className="empty-note">{t('home.waitingEmpty')}</p>
        ) : (
          <ul className="doc-items">
            {waiting.map(({ doc, reason }) => (
              <DocListItem
                key={doc.id}
                doc={doc}
                people={people}
                groupName={doc.groupId === null ? null : (groupNames.get(doc.groupId) ?? null)}
                reason={reasonText[reason]}
                detail={
                  reason === 'returned' && doc.lastReturn !== null
                    ? lastReturnWords(doc.lastReturn, people, { now, locale: i18n.language, t }).line
                    : undefined
                }
                now={now}
              />
            ))}
          </ul>
        )}
      </section>
      <section className="home-section" aria-labelledby="home-recent">
        <h2 id="home-recent">{t('home.recent')}</h2>
        {recent.length === 0 ? (
          <p className="empty-note">{t('home.recentEmpty')}</p>
        ) : (
          <ul className="doc-items">
            {recent.map((doc) => (
              <DocListItem
                key={doc.id}
                doc={doc}
                people={people}
                groupName={doc.groupId === null ? null : (groupNames.get(doc.groupId) ?? null)}
                now={now}
              />
            ))}
          </ul>
        )}
      </section>
      {ungrouped.length === 0 ? null : (
        <section className="home-section" aria-labelledby="home-ungrouped">
          <h2 id="home-ungrouped">{t('home.ungrouped')}</h2>
          <p className="section-note">{t('home.ungroupedHint')}</p>
          <ul className="doc-items">
            {ungrouped.map((doc) => (
              <DocListItem key={doc.id} doc={doc} people={people} now={now} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * 新建 on the home page: the group page's new-document dialog, with a choice of the groups the
 * person can write in (none: no button).
 */
function HomeCreate({ me, workspace }: { readonly me: Me; readonly workspace: Workspace | null }) {
  const { t } = useTranslation();
  const [isCreating, setCreating] = useState(false);
  const writable = (workspace?.groups ?? []).filter((group) =>
    can(me, Action.createDocument, { type: 'group', groupId: group.id }),
  );
  const first = writable[0];
  if (first === undefined) {
    return null;
  }
  return (
    <>
      <Link href="/capture" className="button home-capture" aria-label={t('capture.entryLabel')}>
        {t('capture.entry')}
      </Link>
      <button type="button" className="button is-primary home-create" onClick={() => setCreating(true)}>
        <span aria-hidden="true">＋</span> {t('group.newDoc')}
      </button>
      <CreateDocDialog
        groupId={first.id}
        groupChoices={writable}
        isOpen={isCreating}
        onClose={() => setCreating(false)}
      />
    </>
  );
}

/** `/`: what waits for the person, their groups, recent documents, and how the device is syncing. */
export function HomePage({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const isOnline = useOnline();
  useRefreshOnOpen('home');
  return (
    <Page title={t('home.title')}>
      <div className="page-head">
        <h1>{t('home.greeting', { name: me.name })}</h1>
        <span className="role-tag is-large">{t(`role.${me.role}`)}</span>
        <HomeCreate me={me} workspace={workspace} />
      </div>
      <CallCountdownBanner />
      <WorkspaceStatus docs={workspace?.docs ?? []} />
      {me.role === Role.unit ? (
        <UnitCases workspace={workspace} />
      ) : workspace === null ? (
        <p className="empty-note">{isOnline ? t('home.loading') : t('home.unavailable')}</p>
      ) : (
        <div className="home-grid">
          <div className="home-column">
            <HomeDocs me={me} workspace={workspace} />
          </div>
          <div className="home-column is-side">
            <HomeGroups me={me} workspace={workspace} />
            <StorageUsage />
          </div>
        </div>
      )}
    </Page>
  );
}
