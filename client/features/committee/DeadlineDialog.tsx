import { type FormEvent, type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeSession } from '../../../shared/api/handling';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { FormError } from '../../ui/FormError';
import { useBusyAction } from '../../ui/useBusyAction';
import { DeadlineFields, deadlineDraft, draftDeadline } from './DeadlineFields';

export interface DeadlineDialogProps {
  /** The session whose deadline changes; the dialog is open while it is set. */
  readonly session: CommitteeSession | null;
  readonly onSave: (session: CommitteeSession, callDeadline: number | null) => Promise<void>;
  readonly onClose: () => void;
}

/** 修改截止时间: a new date and time for the call, or none (an empty date). */
export function DeadlineDialog({ session, onSave, onClose }: DeadlineDialogProps): ReactElement {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(deadlineDraft(null));
  const action = useBusyAction();
  const { clearError } = action;
  useEffect(() => {
    if (session !== null) {
      setDraft(deadlineDraft(session.callDeadline));
      clearError();
    }
  }, [session, clearError]);
  const callDeadline = draftDeadline(draft);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (session !== null && callDeadline !== undefined) {
      action.run(() => onSave(session, callDeadline), onClose);
    }
  };
  return (
    <Dialog
      isOpen={session !== null}
      onClose={onClose}
      title={t('committee.deadlineTitle', { name: session?.name ?? '' })}
    >
      <form onSubmit={submit}>
        <DeadlineFields idPrefix="session-deadline" draft={draft} onDraft={setDraft} />
        <FormError message={action.error} />
        <DialogActions
          confirmLabel={t('common.save')}
          onCancel={onClose}
          isDisabled={action.isBusy || callDeadline === undefined}
        />
      </form>
    </Dialog>
  );
}
