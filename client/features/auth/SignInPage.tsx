import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { useAppLater } from '../../ui/services/useServices';
import { AuthLayout } from './AuthLayout';
import { SignInForm } from './SignInForm';

/** Whether the server still waits for its first account: then signing in cannot work yet. */
function useSetupNeeded(): boolean {
  const appLater = useAppLater();
  const [isNeeded, setNeeded] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    appLater().then(
      ({ api, diagnostics }) =>
        api.setupStatus().then(
          (status) => {
            if (isCurrent) {
              setNeeded(status.isNeeded);
            }
          },
          (err: unknown) => {
            // Offline: the form is shown as usual, and signing in needs the server anyway.
            if (!hasErrorCode(err, ClientErrorCode.network)) {
              diagnostics.report('auth.setupStatus', err);
            }
          },
        ),
      // The app's code did not arrive (the network dropped): the form says so when used.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [appLater]);
  return isNeeded;
}

/** Shown at any address while nobody is signed in on this device; the address stays, so signing in lands there. */
export function SignInPage({ isSignOutPending = false }: { readonly isSignOutPending?: boolean }): ReactElement {
  const { t } = useTranslation();
  const isSetupNeeded = useSetupNeeded();
  return (
    <AuthLayout title={t('auth.signInTitle')} lead={t('auth.signInLead')}>
      {isSignOutPending ? (
        <p className="notice is-info" role="status">
          {t('device.signOutPending')}
        </p>
      ) : null}
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
