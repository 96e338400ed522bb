import { type ReactElement, useCallback, useId, useState } from 'react';
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
import { EditPersonDialog } from './EditPersonDialog';
import { InvitationList } from './InvitationList';
import { InviteDialog } from './InviteDialog';
import { matchesPerson } from './matchPerson';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { RosterImport } from './RosterImport';
import { usePinyinInitials } from './usePinyinInitials';

/** What a row's buttons do. */
interface PersonActions {
  readonly onToggle: (person: Person) => void;
  readonly onEdit: (person: Person) => void;
  readonly onReset: (person: Person) => void;
}

function PersonRow(props: {
  readonly person: Person;
  readonly isMe: boolean;
  readonly groupNames: ReadonlyMap<GroupId, string>;
  readonly canChange: boolean;
  readonly actions: PersonActions;
}): ReactElement {
  const { t } = useTranslation();
  const { person, actions } = props;
  return (
    <tr data-username={person.username} className={person.isActive ? undefined : 'is-inactive'}>
      <td className="cell-name">{person.name}</td>
      <td className="mono">{person.username}</td>
      <td>
        <span className="role-tag">{t(`role.${person.role}`)}</span>
      </td>
      <td className="cell-groups">
        {[...props.groupNames]
          .filter(([id]) => person.groupIds.includes(id))
          .map(([, name]) => name)
          .join(t('common.listSeparator'))}
      </td>
      <td>
        <span className={person.isActive ? 'state is-on' : 'state is-off'}>
          {person.isActive ? t('admin.active') : t('admin.inactive')}
        </span>
      </td>
      <td className="cell-actions">
        {props.canChange ? (
          <>
            <button type="button" className="button is-small" onClick={() => actions.onEdit(person)}>
              {t('accounts.edit')}
            </button>
            {props.isMe ? null : (
              <>
                <button type="button" className="button is-small" onClick={() => actions.onReset(person)}>
                  {t('accounts.resetPassword')}
                </button>
                <button type="button" className="button is-small" onClick={() => actions.onToggle(person)}>
                  {person.isActive ? t('admin.deactivate') : t('admin.reactivate')}
                </button>
              </>
            )}
          </>
        ) : null}
      </td>
    </tr>
  );
}

function PeopleTable(props: {
  readonly me: Me;
  readonly people: readonly Person[];
  readonly groupNames: ReadonlyMap<GroupId, string>;
  readonly canChange: boolean;
  readonly actions: PersonActions;
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
          <PersonRow
            key={person.id}
            person={person}
            isMe={person.id === props.me.id}
            groupNames={props.groupNames}
            canChange={props.canChange}
            actions={props.actions}
          />
        ))}
      </tbody>
    </table>
  );
}

/** The search box over the people table: name, username or pinyin initials. */
function PeopleSearch(props: {
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly count: number;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  return (
    <search className="people-search">
      <label htmlFor={id}>{t('accounts.search')}</label>
      <input
        id={id}
        type="search"
        className="search"
        value={props.query}
        placeholder={t('accounts.searchPlaceholder')}
        onChange={(e) => props.onQuery(e.target.value)}
      />
      <span className="section-note" aria-live="polite">
        {t('accounts.count', { count: props.count })}
      </span>
    </search>
  );
}

/** `/admin/people`: everyone with role, groups and state, searchable; invitations; roster import. */
export function PeopleAdminPage({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  const cached = useWorkspace();
  const { api } = useApp();
  const { workspace } = useAccount();
  const people = useApiData(useCallback(() => api.listPeople(), [api]));
  const initialsOf = usePinyinInitials();
  const [query, setQuery] = useState('');
  const [isInviting, setInviting] = useState(false);
  const [invitationsKey, setInvitationsKey] = useState(0);
  const [deactivating, setDeactivating] = useState<Person | null>(null);
  const [editing, setEditing] = useState<Person | null>(null);
  const [resetting, setResetting] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);
  const groups = cached?.groups ?? [];
  const groupNames = new Map(groups.map((group) => [group.id, group.name]));
  const isOffline = people.status === 'failed' && hasErrorCode(people.error, ClientErrorCode.network);
  const list = people.status === 'ready' ? people.value : (cached?.people ?? []);
  const shown = list.filter((person) => matchesPerson(person, query, initialsOf(person.name)));
  const changed = (why: string): void => {
    people.reload();
    workspace.refreshInBackground(why);
  };
  const setActive = async (person: Person, isActive: boolean): Promise<void> => {
    await api.setPersonActive(person.id, isActive);
    changed('admin.setPersonActive');
  };
  const actions: PersonActions = {
    onToggle: (person) => {
      setError(null);
      if (person.isActive) {
        setDeactivating(person);
      } else {
        setActive(person, true).catch((err: unknown) => setError(errorText(err, t)));
      }
    },
    onEdit: setEditing,
    onReset: setResetting,
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
      <PeopleSearch query={query} onQuery={setQuery} count={shown.length} />
      {people.status === 'loading' && list.length === 0 ? (
        <p className="empty-note">{t('common.loading')}</p>
      ) : (
        <div className="card is-flush">
          <PeopleTable me={me} people={shown} groupNames={groupNames} canChange={!isOffline} actions={actions} />
          {shown.length === 0 && query.trim() !== '' ? (
            <p className="empty-note">{t('accounts.noMatch', { query: query.trim() })}</p>
          ) : null}
        </div>
      )}
      {isOffline ? null : <InvitationList key={invitationsKey} groupNames={groupNames} />}
      {isOffline ? null : <RosterImport onImported={people.reload} />}
      <InviteDialog
        groups={groups}
        isOpen={isInviting}
        onClose={() => {
          setInviting(false);
          setInvitationsKey((key) => key + 1);
        }}
      />
      <EditPersonDialog
        person={editing}
        groups={groups}
        canChangeRole={editing !== null && editing.id !== me.id}
        onClose={() => setEditing(null)}
        onSaved={() => changed('admin.updatePerson')}
      />
      <ResetPasswordDialog person={resetting} onClose={() => setResetting(null)} />
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
