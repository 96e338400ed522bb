import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Me } from '../../../shared/api/schemas';
import { useApp } from '../../ui/services/useServices';
import { ChangePassword } from '../settings/ChangePassword';
import { AuthLayout } from './AuthLayout';

/**
 * The only page of an account that signed in with a one-time or reset password: the server
 * refuses everything else until the password is changed (docs/API.md). The change is the
 * settings page's own form, which also wraps this device's copy with the new password; then the
 * account is reread and the app continues at the home page.
 */
export function ForcedPasswordChange({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  const { api, auth, diagnostics, signOut } = useApp();
  const [, navigate] = useLocation();
  const [isSigningOut, setSigningOut] = useState(false);
  const onChanged = (): void => {
    api.me().then(
      (fresh) => auth.updateMe(fresh),
      (err: unknown) => {
        // The server accepted the change: the flag is cleared there whatever this read says.
        diagnostics.report('auth.forcedChangeMe', err);
        auth.updateMe({ ...me, mustChangePassword: false });
      },
    );
    navigate('/', { replace: true });
  };
  return (
    <AuthLayout title={t('trust.forcedTitle')} lead={t('trust.forcedLead')}>
      <ChangePassword
        currentLabel={t('trust.oneTimePassword')}
        submitLabel={t('trust.forcedSubmit')}
        onChanged={onChanged}
      />
      <p className="auth-foot">
        <button
          type="button"
          className="button is-quiet"
          disabled={isSigningOut}
          onClick={() => {
            setSigningOut(true);
            void signOut({ clearDevice: false });
          }}
        >
          {t('trust.signOut')}
        </button>
      </p>
    </AuthLayout>
  );
}
