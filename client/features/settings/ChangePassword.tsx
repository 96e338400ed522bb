import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../shared/api/schemas';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { errorText } from '../../ui/errorText';
import { useApp } from '../../ui/services/useServices';
import { PasswordField } from '../auth/PasswordField';

export interface ChangePasswordProps {
  /** The label of the current password (the forced change calls it the one-time password). */
  readonly currentLabel?: string;
  readonly submitLabel?: string;
  /** After the server accepted the new password and this device's copy was wrapped with it. */
  readonly onChanged?: () => void;
}

/** Current password, new one twice; the server ends the person's other sessions. */
export function ChangePassword({ currentLabel, submitLabel, onChanged }: ChangePasswordProps = {}): ReactElement {
  const { t } = useTranslation();
  const { api, keys, diagnostics } = useApp();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [isTried, setTried] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const min = { min: MIN_PASSWORD_LENGTH };
  const nextProblem =
    next.length < MIN_PASSWORD_LENGTH
      ? t('auth.passwordTooShort', min)
      : next === current
        ? t('trust.samePassword')
        : null;
  const confirmProblem = nextProblem === null && confirm !== next ? t('auth.passwordMismatch') : null;
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (isBusy || current === '' || nextProblem !== null || confirmProblem !== null) {
      return;
    }
    setBusy(true);
    setResult(null);
    api.changePassword({ currentPassword: current, newPassword: next }).then(
      (answer) => {
        // Unlocking this device's copy offline asks for the new password from now on.
        keys
          .changePassword(next)
          .catch((err: unknown) => diagnostics.report('settings.rewrapKey', err))
          .finally(() => onChanged?.());
        setBusy(false);
        setTried(false);
        setCurrent('');
        setNext('');
        setConfirm('');
        const text =
          answer.revokedApiTokens > 0
            ? t('advanced.passwordChangedTokens', { count: answer.revokedApiTokens })
            : t('settings.passwordChanged');
        setResult({ ok: true, text });
      },
      (err: unknown) => {
        setBusy(false);
        const isWrong = hasErrorCode(err, ClientErrorCode.unauthorized, ClientErrorCode.forbidden);
        setResult({ ok: false, text: isWrong ? t('settings.wrongCurrent') : errorText(err, t) });
      },
    );
  };
  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate>
      <PasswordField
        label={currentLabel ?? t('settings.currentPassword')}
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <PasswordField
        label={t('settings.newPassword')}
        autoComplete="new-password"
        hint={t('auth.passwordHint', min)}
        error={isTried ? nextProblem : null}
        value={next}
        onChange={(e) => setNext(e.target.value)}
      />
      <PasswordField
        label={t('settings.confirmPassword')}
        autoComplete="new-password"
        error={isTried ? confirmProblem : null}
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
      />
      {result === null ? null : (
        <p className={result.ok ? 'notice is-ok' : 'form-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </p>
      )}
      <button type="submit" className="button is-primary" disabled={isBusy}>
        {submitLabel ?? t('settings.changePassword')}
      </button>
    </form>
  );
}
