import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/api/schemas';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { AuthLayout } from '../auth/AuthLayout';
import { PasswordField } from '../auth/PasswordField';

/**
 * Offline with no key kept on this device: the member types the password they last signed in
 * with here, which opens the encrypted copy without the server (docs/DEVICE.md).
 */
export function UnlockPage({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  const app = useApp();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    setBusy(true);
    setError(null);
    app.keys.unlockWithPassword(password).then(
      () => setBusy(false),
      (err: unknown) => {
        setBusy(false);
        setError(hasErrorCode(err, ClientErrorCode.wrongPassword) ? t('device.wrongPassword') : errorText(err, t));
      },
    );
  };
  return (
    <AuthLayout title={t('device.unlockTitle')} lead={t('device.unlockLead')}>
      <form className="auth-form" onSubmit={onSubmit} noValidate>
        <p className="invitation-summary">
          <strong>{me.name}</strong>
          <span>{me.username}</span>
        </p>
        <PasswordField
          label={t('auth.password')}
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
        />
        <FormError message={error} />
        <button type="submit" className="button is-primary is-block" disabled={isBusy || password === ''}>
          {isBusy ? t('device.unlocking') : t('device.unlockSubmit')}
        </button>
      </form>
      <p className="auth-switch">
        {t('device.notYou', { name: me.name })}{' '}
        <button
          type="button"
          className="button is-quiet is-small"
          onClick={() => void app.signOut({ clearDevice: false })}
        >
          {t('nav.signOut')}
        </button>
      </p>
    </AuthLayout>
  );
}
