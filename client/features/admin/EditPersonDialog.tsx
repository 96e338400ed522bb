import { type FormEvent, type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId, Role } from '../../../shared';
import type { Group, Person } from '../../../shared/api/schemas';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { RoleAndGroupsFields } from './RoleAndGroupsFields';

export interface EditPersonDialogProps {
  /** Whom to change; the dialog is open while it is set. */
  readonly person: Person | null;
  readonly groups: readonly Group[];
  /** Whether the role may change: not one's own (the server refuses to take it away too). */
  readonly canChangeRole: boolean;
  readonly onClose: () => void;
  readonly onSaved: (person: Person) => void;
}

/** A person's role and groups, changed by the secretariat in one save (`PATCH /api/people/:id`). */
export function EditPersonDialog(props: EditPersonDialogProps): ReactElement {
  const { person, groups } = props;
  const { t } = useTranslation();
  const { api } = useApp();
  const [role, setRole] = useState<Role>('member');
  const [groupIds, setGroupIds] = useState<readonly GroupId[]>([]);
  const action = useBusyAction();
  useEffect(() => {
    if (person !== null) {
      setRole(person.role);
      setGroupIds(person.groupIds);
    }
  }, [person]);
  const close = (): void => {
    action.clearError();
    props.onClose();
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (person === null) {
      return;
    }
    const change = props.canChangeRole ? { role, groupIds: [...groupIds] } : { groupIds: [...groupIds] };
    action.run(
      () => api.updatePerson(person.id, change),
      (saved) => {
        props.onSaved(saved);
        close();
      },
    );
  };
  return (
    <Dialog isOpen={person !== null} onClose={close} title={t('accounts.editTitle', { name: person?.name ?? '' })}>
      <form onSubmit={onSubmit}>
        <RoleAndGroupsFields
          idPrefix="person"
          role={role}
          onRole={setRole}
          canChangeRole={props.canChangeRole}
          groups={groups}
          groupIds={groupIds}
          onGroupIds={setGroupIds}
          labels={{ role: t('accounts.role'), groups: t('accounts.groups'), noGroups: t('accounts.noGroups') }}
        />
        <FormError message={action.error} />
        <DialogActions confirmLabel={t('accounts.save')} onCancel={close} isDisabled={action.isBusy} />
      </form>
    </Dialog>
  );
}
