import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Action, can, type UserId } from '../../../shared';
import type { Group, Me, Person } from '../../../shared/api/schemas';
import { colorOf } from '../../core/presence';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useAccount, useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';

export interface MembersPanelProps {
  readonly me: Me;
  readonly group: Group;
  readonly people: readonly Person[];
}

function AddMemberDialog({
  group,
  people,
  isOpen,
  onClose,
}: {
  readonly group: Group;
  readonly people: readonly Person[];
  readonly isOpen: boolean;
  readonly onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const { workspace } = useAccount();
  const candidates = people.filter((person) => person.isActive && !group.memberIds.includes(person.id));
  const [chosen, setChosen] = useState<string>('');
  const action = useBusyAction();
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const person = candidates.find((each) => each.id === chosen) ?? candidates[0];
    if (person === undefined) {
      return;
    }
    action.run(
      () => api.addMember(group.id, person.id).then(() => workspace.refresh()),
      () => {
        setChosen('');
        onClose();
      },
    );
  };
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('group.addMemberTitle')}>
      <form onSubmit={onSubmit}>
        {candidates.length === 0 ? (
          <p className="dialog-prompt">{t('group.noCandidates')}</p>
        ) : (
          <div className="field">
            <label htmlFor="add-member-person">{t('group.choosePerson')}</label>
            <select id="add-member-person" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              {candidates.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}（{person.username} · {t(`role.${person.role}`)}）
                </option>
              ))}
            </select>
          </div>
        )}
        <FormError message={action.error} />
        <DialogActions
          confirmLabel={t('group.addMember')}
          onCancel={onClose}
          isDisabled={action.isBusy || candidates.length === 0}
        />
      </form>
    </Dialog>
  );
}

/** The group's members with their roles; the secretariat and the group's convener add and remove them. */
export function MembersPanel({ me, group, people }: MembersPanelProps): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const { workspace } = useAccount();
  const isOnline = useOnline();
  const [isAdding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Person | null>(null);
  const canManage = can(me, Action.manageMembers, { type: 'group', groupId: group.id });
  const byId = new Map<UserId, Person>(people.map((person) => [person.id, person]));
  const members = group.memberIds.flatMap((id) => {
    const person = byId.get(id);
    return person === undefined ? [] : [person];
  });
  return (
    <section className="members-panel" aria-labelledby="group-members">
      <div className="section-head">
        <h2 id="group-members">
          {t('group.members')}
          <span className="count-badge">{members.length}</span>
        </h2>
        {canManage ? (
          <button type="button" className="button is-small" disabled={!isOnline} onClick={() => setAdding(true)}>
            {t('group.addMember')}
          </button>
        ) : null}
      </div>
      {canManage && !isOnline ? <p className="section-note">{t('group.manageNeedsOnline')}</p> : null}
      {members.length === 0 ? (
        <p className="empty-note">{t('group.membersEmpty')}</p>
      ) : (
        <ul className="member-list">
          {members.map((person) => (
            <li key={person.id} className={person.isActive ? undefined : 'is-inactive'}>
              <span className="avatar" style={{ backgroundColor: colorOf(person.id) }} aria-hidden="true">
                {Array.from(person.name)[0] ?? '?'}
              </span>
              <span className="member-name">{person.name}</span>
              <span className="role-tag">{t(`role.${person.role}`)}</span>
              {canManage ? (
                <button
                  type="button"
                  className="button is-small is-quiet"
                  disabled={!isOnline}
                  aria-label={t('group.removeMemberLabel', { name: person.name })}
                  onClick={() => setRemoving(person)}
                >
                  {t('group.removeMember')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <>
          <AddMemberDialog group={group} people={people} isOpen={isAdding} onClose={() => setAdding(false)} />
          <ConfirmDialog
            title={t('group.removeMember')}
            message={removing === null ? null : t('group.removeConfirm', { name: removing.name, group: group.name })}
            confirmLabel={t('group.removeMember')}
            onConfirm={async () => {
              if (removing !== null) {
                await api.removeMember(group.id, removing.id);
                await workspace.refresh();
              }
            }}
            onClose={() => setRemoving(null)}
          />
        </>
      ) : null}
    </section>
  );
}
