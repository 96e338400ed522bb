import type { ReactElement, ReactNode } from 'react';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { FormError } from './FormError';
import { useBusyAction } from './useBusyAction';

export interface ConfirmDialogProps {
  /** The question; the dialog is open while it is set. */
  readonly message: string | null;
  readonly title: string;
  /** The confirming button's text ("停用", "移出"). */
  readonly confirmLabel: string;
  readonly onConfirm: () => Promise<void>;
  readonly onClose: () => void;
  /** What the person should know before confirming, listed under the question; confirming stays allowed. */
  readonly warnings?: readonly string[];
  /** More to read before confirming (a checklist), under the warnings. */
  readonly children?: ReactNode;
  /** Keeps the confirming button disabled (something must be fixed first). */
  readonly isConfirmDisabled?: boolean;
}

/** Asks before an action that is hard to undo; shows why it failed, if it does. */
export function ConfirmDialog({
  message,
  title,
  confirmLabel,
  onConfirm,
  onClose,
  warnings = [],
  children,
  isConfirmDisabled = false,
}: ConfirmDialogProps): ReactElement {
  const action = useBusyAction();
  return (
    <Dialog
      isOpen={message !== null}
      onClose={() => {
        action.clearError();
        onClose();
      }}
      title={title}
    >
      <p className="dialog-prompt">{message}</p>
      {warnings.length === 0 ? null : (
        <ul className="dialog-warnings" role="alert">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {children}
      <FormError message={action.error} />
      <DialogActions
        confirmLabel={confirmLabel}
        onCancel={onClose}
        onConfirm={() => action.run(onConfirm, onClose)}
        isDisabled={action.isBusy || isConfirmDisabled}
        isDanger
      />
    </Dialog>
  );
}
