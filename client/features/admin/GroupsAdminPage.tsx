import { type FormEvent, type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type Group, MAX_GROUP_NAME_LENGTH } from '../../../shared/api/schemas';
import { useOnline } from '../../lib/useOnline';
import { api, useWorkspace, workspace } from '../../workspace';
import { Page } from '../shell/Page';
import { errorText } from '../ui/errorText';
import { NameDialog } from '../ui/NameDialog';
import { AdminTabs } from './AdminTabs';

function CreateGroupForm(): ReactElement {
  const { t } = useTranslation();
  const isOnline = useOnline();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (isBusy || name.trim() === '') {
      return;
    }
    setBusy(true);
    setError(null);
    api
      .createGroup(name.trim())
      .then(() => workspace.refresh())
      .then(
        () => {
          setBusy(false);
          setName('');
        },
        (err: unknown) => {
          setBusy(false);
          setError(errorText(err, t));
        },
      );
  };
  return (
    <form className="inline-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor="new-group-name">{t('admin.groupName')}</label>
        <input
          id="new-group-name"
          value={name}
          maxLength={MAX_GROUP_NAME_LENGTH}
          placeholder={t('admin.groupNamePlaceholder')}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="button is-primary" disabled={isBusy || !isOnline || name.trim() === ''}>
        {t('admin.createGroup')}
      </button>
      {error === null ? null : (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {isOnline ? null : <p className="notice is-warning">{t('admin.needsOnline')}</p>}
    </form>
  );
}

/** `/admin/groups`: every activity group with its members and documents; create and rename. */
export function GroupsAdminPage(): ReactElement {
  const { t } = useTranslation();
  const cached = useWorkspace();
  const [renaming, setRenaming] = useState<Group | null>(null);
  useEffect(() => {
    void workspace.refresh().catch(() => undefined);
  }, []);
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
            <thead>
              <tr>
                <th scope="col">{t('admin.colGroupName')}</th>
                <th scope="col">{t('admin.colMembers')}</th>
                <th scope="col">{t('admin.colDocs')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('docs.colActions')}</span>
                </th>
              </tr>
            </thead>
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
