import { type ReactElement, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../../shared';
import type { Me, Person } from '../../../shared/api/schemas';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTableHead } from '../../ui/DataTableHead';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { useAccount, useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { Page } from '../shell/Page';
import { AdminTabs } from './AdminTabs';
import { InviteDialog } from './InviteDialog';
import { RosterImport } from './RosterImport';

function PeopleTable(props: {
  readonly me: Me;
  readonly people: readonly Person[];
  readonly groupNames: ReadonlyMap<GroupId, string>;
  readonly canChange: boolean;
  readonly onToggle: (person: Person) => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <table className="data-table people-table">
      <DataTableHead
        columns={[
          t('admin.colName'),
          t('admin.colUsername'),
          t('admin.colRole'),
          t('admin.colGroups'),
          t('admin.colState'),
        ]}
        hasActions
      />
      <tbody>
        {props.people.map((person) => (
          <tr key={person.id} data-username={person.username} className={person.isActive ? undefined : 'is-inactive'}>
            <td className="cell-name">{person.name}</td>
            <td className="mono">{person.username}</td>
            <td>
              <span className="role-tag">{t(`role.${person.role}`)}</span>
            </td>
            <td className="cell-groups">
              {person.groupIds
                .map((id) => props.groupNames.get(id) ?? '')
                .filter(Boolean)
                .join(t('common.listSeparator'))}
            </td>
            <td>
              <span className={person.isActive ? 'state is-on' : 'state is-off'}>
                {person.isActive ? t('admin.active') : t('admin.inactive')}
              </span>
            </td>
            <td className="cell-actions">
              {person.id === props.me.id || !props.canChange ? null : (
                <button type="button" className="button is-small" onClick={() => props.onToggle(person)}>
                  {person.isActive ? t('admin.deactivate') : t('admin.reactivate')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `/admin/people`: everyone with role, groups and state; invitations; roster import. */
export function PeopleAdminPage({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  const cached = useWorkspace();
  const { api } = useApp();
  const { workspace } = useAccount();
  const people = useApiData(useCallback(() => api.listPeople(), [api]));
  const [isInviting, setInviting] = useState(false);
  const [deactivating, setDeactivating] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);
  const groups = cached?.groups ?? [];
  const groupNames = new Map(groups.map((group) => [group.id, group.name]));
  const isOffline = people.status === 'failed' && hasErrorCode(people.error, ClientErrorCode.network);
  const list = people.status === 'ready' ? people.value : (cached?.people ?? []);
  const setActive = async (person: Person, isActive: boolean): Promise<void> => {
    await api.setPersonActive(person.id, isActive);
    people.reload();
    workspace.refreshInBackground('admin.setPersonActive');
  };
  const onToggle = (person: Person): void => {
    setError(null);
    if (person.isActive) {
      setDeactivating(person);
    } else {
      setActive(person, true).catch((err: unknown) => setError(errorText(err, t)));
    }
  };
  return (
    <Page title={t('admin.peopleTitle')} className="is-wide">
      <AdminTabs />
      <div className="page-head">
        <h1>{t('admin.peopleTitle')}</h1>
        <button type="button" className="button is-primary" disabled={isOffline} onClick={() => setInviting(true)}>
          {t('admin.invite')}
        </button>
      </div>
      <p className="section-note">{t('admin.peopleLead')}</p>
      {isOffline ? <p className="notice is-warning">{t('admin.needsOnline')}</p> : null}
      <FormError message={people.status === 'failed' && !isOffline ? errorText(people.error, t) : null} />
      <FormError message={error} />
      {people.status === 'loading' && list.length === 0 ? (
        <p className="empty-note">{t('common.loading')}</p>
      ) : (
        <div className="card is-flush">
          <PeopleTable me={me} people={list} groupNames={groupNames} canChange={!isOffline} onToggle={onToggle} />
        </div>
      )}
      {isOffline ? null : <RosterImport onImported={people.reload} />}
      <InviteDialog groups={groups} isOpen={isInviting} onClose={() => setInviting(false)} />
      <ConfirmDialog
        title={t('admin.deactivate')}
        message={deactivating === null ? null : t('admin.deactivateConfirm', { name: deactivating.name })}
        confirmLabel={t('admin.deactivate')}
        onConfirm={() => (deactivating === null ? Promise.resolve() : setActive(deactivating, false))}
        onClose={() => setDeactivating(null)}
      />
    </Page>
  );
}
