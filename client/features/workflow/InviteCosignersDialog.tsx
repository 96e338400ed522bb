import { type FormEvent, type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserId } from '../../../shared';
import type { Person } from '../../../shared/api/schemas';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { FormError } from '../../ui/FormError';
import { useBusyAction } from '../../ui/useBusyAction';

export interface InviteCosignersDialogProps {
  readonly isOpen: boolean;
  /** Members of the group who may still be invited. */
  readonly candidates: readonly Person[];
  readonly onInvite: (userIds: readonly UserId[]) => Promise<void>;
  readonly onClose: () => void;
}

/** The proposer picks members of the group to ask for their co-signature (联名). */
export function InviteCosignersDialog({
  isOpen,
  candidates,
  onInvite,
  onClose,
}: InviteCosignersDialogProps): ReactElement {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<ReadonlySet<UserId>>(new Set());
  const action = useBusyAction();
  const { clearError } = action;
  useEffect(() => {
    if (isOpen) {
      setPicked(new Set());
      clearError();
    }
  }, [isOpen, clearError]);
  const toggle = (id: UserId): void => {
    setPicked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (picked.size > 0) {
      action.run(() => onInvite([...picked]), onClose);
    }
  };
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('workflow.cosign.inviteTitle')}>
      <form onSubmit={submit}>
        <p className="dialog-prompt">
          {candidates.length === 0 ? t('workflow.cosign.inviteNobody') : t('workflow.cosign.invitePrompt')}
        </p>
        <fieldset className="cosign-pick">
          <legend className="visually-hidden">{t('workflow.cosign.inviteTitle')}</legend>
          {candidates.map((person) => (
            <label key={person.id} className="cosign-pick-item">
              <input type="checkbox" checked={picked.has(person.id)} onChange={() => toggle(person.id)} />
              <span>{person.name}</span>
            </label>
          ))}
        </fieldset>
        <FormError message={action.error} />
        <DialogActions
          confirmLabel={t('workflow.cosign.inviteSend')}
          onCancel={onClose}
          isDisabled={action.isBusy || picked.size === 0}
        />
      </form>
    </Dialog>
  );
}
