import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordReset, Person } from '../../../shared/api/schemas';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';

export interface ResetPasswordDialogProps {
  /** Whose password; the dialog is open while it is set. */
  readonly person: Person | null;
  readonly onClose: () => void;
}

function OneTimePassword({ reset }: { readonly reset: PasswordReset }): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <p className="notice is-ok" role="status">
        {reset.revokedApiTokens > 0
          ? t('accounts.resetDone', { name: reset.person.name, count: reset.revokedApiTokens })
          : t('accounts.resetDoneNoTokens', { name: reset.person.name })}
      </p>
      <div className="field">
        <label htmlFor="one-time-password">{t('accounts.oneTimePassword')}</label>
        <div className="copy-row">
          <input
            id="one-time-password"
            className="mono one-time-password"
            readOnly
            value={reset.oneTimePassword}
            onFocus={(e) => e.target.select()}
          />
          <CopyButton text={reset.oneTimePassword} className="button is-primary" />
        </div>
        <small>{t('accounts.resetHand')}</small>
      </div>
    </>
  );
}

/**
 * Asks, then resets a person's password: the new one-time password is shown once, with a copy
 * button, and forgotten when the dialog closes.
 */
export function ResetPasswordDialog({ person, onClose }: ResetPasswordDialogProps): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const [reset, setReset] = useState<PasswordReset | null>(null);
  const action = useBusyAction();
  const close = (): void => {
    setReset(null);
    action.clearError();
    onClose();
  };
  const title = reset === null ? t('accounts.resetPassword') : t('accounts.resetTitle', { name: reset.person.name });
  return (
    <Dialog isOpen={person !== null} onClose={close} title={title} className="reset-dialog">
      {reset === null ? (
        <>
          <p className="dialog-prompt">
            {person === null ? null : t('accounts.resetConfirm', { name: person.name, username: person.username })}
          </p>
          <FormError message={action.error} />
          <DialogActions
            confirmLabel={t('accounts.resetPassword')}
            onCancel={close}
            onConfirm={() => {
              if (person !== null) {
                action.run(() => api.resetPassword(person.id), setReset);
              }
            }}
            isDisabled={action.isBusy}
            isDanger
          />
        </>
      ) : (
        <>
          <OneTimePassword reset={reset} />
          <div className="dialog-actions">
            <button type="button" className="button is-primary" onClick={close}>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
