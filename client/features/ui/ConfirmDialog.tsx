import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { errorText } from './errorText';

export interface ConfirmDialogProps {
  /** The question; the dialog is open while it is set. */
  readonly message: string | null;
  readonly title: string;
  /** The confirming button's text ("停用", "移出"). */
  readonly confirmLabel: string;
  readonly onConfirm: () => Promise<void>;
  readonly onClose: () => void;
}

/** Asks before an action that is hard to undo; shows why it failed, if it does. */
export function ConfirmDialog({ message, title, confirmLabel, onConfirm, onClose }: ConfirmDialogProps): ReactElement {
  const { t } = useTranslation();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = (): void => {
    setBusy(true);
    setError(null);
    onConfirm().then(
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
    <Dialog
      isOpen={message !== null}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={title}
    >
      <p className="dialog-prompt">{message}</p>
      {error === null ? null : (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button is-danger" disabled={isBusy} onClick={confirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
