import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { workspace } from '../../workspace';
import { AccountFields } from './AccountFields';
import { AuthLayout } from './AuthLayout';
import { useAccountForm } from './useAccountForm';

/** `/setup/:token`: the link the server prints on an empty database; creates the first secretariat account. */
export function SetupPage({ token }: { readonly token: string }): ReactElement {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const form = useAccountForm(
    (input) => workspace.completeSetup(token, input),
    () => navigate('/', { replace: true }),
  );
  if (form.isGone) {
    return (
      <AuthLayout title={t('auth.setupTitle')}>
        <p className="notice is-warning" role="alert">
          {t('auth.setupGone')}
        </p>
        <Link href="/" className="button is-primary is-block">
          {t('auth.toSignIn')}
        </Link>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('auth.setupTitle')} lead={t('auth.setupLead')}>
      <form className="auth-form" onSubmit={form.onSubmit} noValidate>
        <AccountFields values={form.values} onChange={form.setValues} problems={form.problems} />
        {form.error === null ? null : (
          <p className="form-error" role="alert">
            {form.error}
          </p>
        )}
        <button type="submit" className="button is-primary is-block" disabled={form.isBusy}>
          {t('auth.setupSubmit')}
        </button>
      </form>
    </AuthLayout>
  );
}
