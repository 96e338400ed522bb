import { type FormEvent, type ReactElement, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REASON_LENGTH } from '../../../shared/api/review';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { FormError } from '../../ui/FormError';
import { useBusyAction } from '../../ui/useBusyAction';

export interface ReturnDialogProps {
  readonly isOpen: boolean;
  /** A hint shown above the actions (offline: sent later). */
  readonly note: string | null;
  readonly onReturn: (reason: string) => Promise<void>;
  readonly onClose: () => void;
}

/** A reviewer returns a document: the reason is required, and the group reads it in their inbox. */
export function ReturnDialog({ isOpen, note, onReturn, onClose }: ReturnDialogProps): ReactElement {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [isTouched, setTouched] = useState(false);
  const action = useBusyAction();
  const { clearError } = action;
  const id = useId();
  useEffect(() => {
    if (isOpen) {
      setReason('');
      setTouched(false);
      clearError();
    }
  }, [isOpen, clearError]);
  const isEmpty = reason.trim() === '';
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setTouched(true);
    if (!isEmpty) {
      action.run(() => onReturn(reason.trim()), onClose);
    }
  };
  const problem = isTouched && isEmpty ? t('workflow.reasonRequired') : null;
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('workflow.returnTitle')}>
      <form onSubmit={submit} noValidate>
        <p className="dialog-prompt">{t('workflow.returnPrompt')}</p>
        <div className="field">
          <label htmlFor={id}>{t('workflow.reasonLabel')}</label>
          <textarea
            id={id}
            className="reason-field"
            rows={4}
            value={reason}
            maxLength={MAX_REASON_LENGTH}
            placeholder={t('workflow.reasonPlaceholder')}
            aria-invalid={problem === null ? undefined : true}
            onChange={(event) => setReason(event.target.value)}
            autoFocus
          />
          {problem === null ? null : <small className="is-error">{problem}</small>}
        </div>
        {note === null ? null : <p className="dialog-note">{note}</p>}
        <FormError message={action.error} />
        <DialogActions confirmLabel={t('workflow.action.return')} onCancel={onClose} isDisabled={action.isBusy} />
      </form>
    </Dialog>
  );
}
