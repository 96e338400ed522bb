import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../core/workspace';
import { AuthLayout } from './AuthLayout';
import { SignInForm } from './SignInForm';

/** Whether the server still waits for its first account: then signing in cannot work yet. */
function useSetupNeeded(): boolean {
  const [isNeeded, setNeeded] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    api.setupStatus().then(
      (status) => {
        if (isCurrent) {
          setNeeded(status.isNeeded);
        }
      },
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return isNeeded;
}

/** Shown at any address while nobody is signed in on this device; the address stays, so signing in lands there. */
export function SignInPage(): ReactElement {
  const { t } = useTranslation();
  const isSetupNeeded = useSetupNeeded();
  return (
    <AuthLayout title={t('auth.signInTitle')} lead={t('auth.signInLead')}>
      {isSetupNeeded ? (
        <p className="notice is-info" role="status">
          {t('auth.setupNeeded')}
        </p>
      ) : null}
      <SignInForm />
      <p className="auth-foot">{t('auth.forgot')}</p>
    </AuthLayout>
  );
}
