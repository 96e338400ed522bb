import { type FormEvent, type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { errorText } from './errorText';
import { TextField } from './TextField';

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
}

/** One name to type (a group's new name); Enter saves, Esc cancels, a failure is shown in place. */
export function NameDialog(props: NameDialogProps): ReactElement {
  const { t } = useTranslation();
  const { isOpen, initial, onClose } = props;
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    if (isOpen) {
      setDraft(initial);
      setError(null);
    }
  }, [isOpen, initial]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (isBusy || draft.trim() === '') {
      return;
    }
    setBusy(true);
    setError(null);
    props.onSubmit(draft.trim()).then(
      () => {
        setBusy(false);
        onClose();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorText(err, t));
      },
    );
  };
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={props.title}>
      <form onSubmit={submit}>
        <TextField
          label={props.label}
          value={draft}
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          onChange={(e) => setDraft(e.target.value)}
          autoFocus
        />
        {error === null ? null : (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button is-primary" disabled={isBusy || draft.trim() === ''}>
            {props.submitLabel ?? t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
