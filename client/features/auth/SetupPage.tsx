import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useApp } from '../../ui/services/useServices';
import { AuthLayout } from './AuthLayout';
import { GoneNotice } from './GoneNotice';
import { NewAccountForm } from './NewAccountForm';
import { useAccountForm } from './useAccountForm';

/** `/setup/:token`: the link the server prints on an empty database; creates the first secretariat account. */
export function SetupPage({ token }: { readonly token: string }): ReactElement {
  const { t } = useTranslation();
  const { auth } = useApp();
  const [, navigate] = useLocation();
  const form = useAccountForm(
    (input) => auth.completeSetup(token, input),
    () => navigate('/', { replace: true }),
  );
  if (form.isGone) {
    return <GoneNotice title={t('auth.setupTitle')} message={t('auth.setupGone')} />;
  }
  return (
    <AuthLayout title={t('auth.setupTitle')} lead={t('auth.setupLead')}>
      <NewAccountForm form={form} submitLabel={t('auth.setupSubmit')} />
    </AuthLayout>
  );
}
