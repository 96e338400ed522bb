import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useAppLater } from '../../ui/services/useServices';
import { PasswordField } from './PasswordField';
import { UsernameField } from './UsernameField';
import { useRetryCountdown } from './useRetryCountdown';

export interface SignInFormProps {
  /** Filled in (an expired session signs in again as the same person). */
  readonly initialUsername?: string;
  readonly onSignedIn?: () => void;
  /** Focus the first empty field when shown. */
  readonly autoFocus?: boolean;
}

/** Username and password; Enter signs in. Says exactly why a sign-in failed. */
export function SignInForm({ initialUsername = '', onSignedIn, autoFocus = true }: SignInFormProps): ReactElement {
  const { t } = useTranslation();
  const appLater = useAppLater();
  const [username, setUsername] = useState(initialUsername);
  const [password, setPassword] = useState('');
  const [isPublic, setPublic] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const countdown = useRetryCountdown();
  const errorId = useId();
  const isWaiting = countdown.seconds > 0;

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (isBusy || isWaiting) {
      return;
    }
    setBusy(true);
    setError(null);
    // On a first visit the form may be used before the app's code has arrived: it waits for it.
    appLater()
      .then(({ auth }) => auth.signIn(username, password, { isKeptHere: !isPublic }))
      .then(
        () => {
          setBusy(false);
          onSignedIn?.();
        },
        (err: unknown) => {
          setBusy(false);
          if (hasErrorCode(err, ClientErrorCode.rateLimited)) {
            countdown.start(err.retryAfterSeconds ?? 60);
            setError(null);
          } else if (hasErrorCode(err, ClientErrorCode.unauthorized, ClientErrorCode.badRequest)) {
            setError(t('auth.wrongCredentials'));
          } else if (hasErrorCode(err, ClientErrorCode.network) && !navigator.onLine) {
            setError(t('auth.offline'));
          } else {
            setError(errorText(err, t));
          }
        },
      );
  };
  const message = isWaiting ? t('auth.rateLimited', { seconds: countdown.seconds }) : error;
  return (
    <form
      className="auth-form"
      onSubmit={onSubmit}
      noValidate
      aria-describedby={message === null ? undefined : errorId}
    >
      <UsernameField
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        autoFocus={autoFocus && initialUsername === ''}
      />
      <PasswordField
        label={t('auth.password')}
        name="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        autoFocus={autoFocus && initialUsername !== ''}
      />
      <label className="check-field">
        <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} />
        <span>{t('device.isPublic')}</span>
        <span className="check-field-hint">{t('device.isPublicHint')}</span>
      </label>
      <FormError id={errorId} message={message} />
      <button
        type="submit"
        className="button is-primary is-block"
        disabled={isBusy || isWaiting || username.trim() === '' || password === ''}
      >
        {isBusy ? t('auth.signingIn') : t('auth.signIn')}
      </button>
    </form>
  );
}
