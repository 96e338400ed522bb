import { type FormEvent, type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { FormError } from './FormError';
import { TextField } from './TextField';
import { useBusyAction } from './useBusyAction';

export interface NameDialogProps {
  readonly isOpen: boolean;
  readonly title: string;
  readonly label: string;
  readonly initial: string;
  readonly maxLength: number;
  readonly placeholder?: string;
  readonly submitLabel?: string;
  readonly onSubmit: (name: string) => Promise<void>;
  readonly onClose: () => void;
  /** Words a failure the caller knows better than the generic text (a document not on this device). */
  readonly toErrorText?: (err: unknown) => string;
  /** Lets an emptied field be saved (a document may go back to untitled). */
  readonly isEmptyAllowed?: boolean;
}

/** One name to type (a group's new name); Enter saves, Esc cancels, a failure is shown in place. */
export function NameDialog(props: NameDialogProps): ReactElement {
  const { t } = useTranslation();
  const { isOpen, initial, onClose } = props;
  const [draft, setDraft] = useState(initial);
  const action = useBusyAction(props.toErrorText);
  const { clearError } = action;
  useEffect(() => {
    if (isOpen) {
      setDraft(initial);
      clearError();
    }
  }, [isOpen, initial, clearError]);
  const isEmpty = draft.trim() === '' && props.isEmptyAllowed !== true;
  // Not cut by the field (a paste would lose its end unseen): kept whole, and the field says by how much it is over.
  const length = draft.trim().length;
  const tooLong =
    length > props.maxLength
      ? t('common.tooLong', { limit: props.maxLength, length, over: length - props.maxLength })
      : null;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!isEmpty && tooLong === null) {
      action.run(() => props.onSubmit(draft.trim()), onClose);
    }
  };
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={props.title}>
      <form onSubmit={submit}>
        <TextField
          label={props.label}
          value={draft}
          error={tooLong}
          placeholder={props.placeholder}
          onChange={(e) => setDraft(e.target.value)}
          autoFocus
        />
        <FormError message={action.error} />
        <DialogActions
          confirmLabel={props.submitLabel ?? t('common.save')}
          onCancel={onClose}
          isDisabled={action.isBusy || isEmpty || tooLong !== null}
        />
      </form>
    </Dialog>
  );
}
