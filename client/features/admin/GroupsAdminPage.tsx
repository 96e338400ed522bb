import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type Group, MAX_GROUP_NAME_LENGTH } from '../../../shared/api/schemas';
import { DataTableHead } from '../../ui/DataTableHead';
import { useOnline } from '../../ui/hooks/useOnline';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { InlineNameForm } from '../../ui/InlineNameForm';
import { NameDialog } from '../../ui/NameDialog';
import { useAccount, useApp } from '../../ui/services/useServices';
import { Page } from '../shell/Page';
import { useRefreshOnOpen } from '../shell/useRefreshOnOpen';
import { AdminTabs } from './AdminTabs';

function CreateGroupForm(): ReactElement {
  const { t } = useTranslation();
  const isOnline = useOnline();
  const { api } = useApp();
  const { workspace } = useAccount();
  return (
    <InlineNameForm
      id="new-group-name"
      label={t('admin.groupName')}
      placeholder={t('admin.groupNamePlaceholder')}
      maxLength={MAX_GROUP_NAME_LENGTH}
      submitLabel={t('admin.createGroup')}
      isDisabled={!isOnline}
      onSubmit={async (name) => {
        await api.createGroup(name);
        await workspace.refresh();
      }}
    >
      {isOnline ? null : <p className="notice is-warning">{t('admin.needsOnline')}</p>}
    </InlineNameForm>
  );
}

/** `/admin/groups`: every activity group with its members and documents; create and rename. */
export function GroupsAdminPage(): ReactElement {
  const { t } = useTranslation();
  const cached = useWorkspace();
  const { api } = useApp();
  const { workspace } = useAccount();
  const [renaming, setRenaming] = useState<Group | null>(null);
  useRefreshOnOpen('admin-groups');
  const groups = cached?.groups ?? [];
  const docs = cached?.docs ?? [];
  return (
    <Page title={t('admin.groupsTitle')} className="is-wide">
      <AdminTabs />
      <div className="page-head">
        <h1>{t('admin.groupsTitle')}</h1>
      </div>
      <p className="section-note">{t('admin.groupsLead')}</p>
      <section className="card" aria-label={t('admin.createGroup')}>
        <CreateGroupForm />
      </section>
      {groups.length === 0 ? (
        <p className="empty-state">{t('admin.noGroups')}</p>
      ) : (
        <div className="card is-flush">
          <table className="data-table groups-table">
            <DataTableHead columns={[t('admin.colGroupName'), t('admin.colMembers'), t('admin.colDocs')]} hasActions />
            <tbody>
              {groups.map((group) => (
                <tr key={group.id} data-group-id={group.id}>
                  <td className="cell-name">
                    <Link href={`/g/${group.id}`}>{group.name}</Link>
                  </td>
                  <td>{t('admin.countPeople', { count: group.memberIds.length })}</td>
                  <td>{t('admin.countDocs', { count: docs.filter((doc) => doc.groupId === group.id).length })}</td>
                  <td className="cell-actions">
                    <button type="button" className="button is-small" onClick={() => setRenaming(group)}>
                      {t('admin.renameGroup')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NameDialog
        isOpen={renaming !== null}
        title={t('group.renameGroup')}
        label={t('group.groupName')}
        initial={renaming?.name ?? ''}
        maxLength={MAX_GROUP_NAME_LENGTH}
        onSubmit={async (name) => {
          if (renaming !== null) {
            await api.renameGroup(renaming.id, name);
            await workspace.refresh();
          }
        }}
        onClose={() => setRenaming(null)}
      />
    </Page>
  );
}
