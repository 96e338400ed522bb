import { type ReactElement, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { userOf } from '../../core/workspace';
import { errorText } from '../../ui/errorText';
import { useAuth } from '../../ui/hooks/useWorkspace';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { AuthLayout } from './AuthLayout';
import { GoneNotice } from './GoneNotice';
import { NewAccountForm } from './NewAccountForm';
import { useAccountForm } from './useAccountForm';

function isGone(err: unknown): boolean {
  return hasErrorCode(err, ClientErrorCode.gone, ClientErrorCode.notFound);
}

/** `/join/:token`: an invitation's role and groups, then the new member's name, username and password. */
export function JoinPage({ token }: { readonly token: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const auth = useAuth();
  const app = useApp();
  const { api } = app;
  const preview = useApiData(useCallback(() => api.previewInvitation(token), [api, token]));
  const form = useAccountForm(
    (input) => app.auth.acceptInvitation(token, input),
    () => navigate('/', { replace: true }),
  );
  if (form.isGone || (preview.status === 'failed' && isGone(preview.error))) {
    return <GoneNotice title={t('auth.joinTitle')} message={t('auth.joinGone')} />;
  }
  if (preview.status !== 'ready') {
    return (
      <AuthLayout title={t('auth.joinTitle')}>
        {preview.status === 'loading' ? (
          <p className="notice">{t('auth.joinLoading')}</p>
        ) : (
          <p className="notice is-warning" role="alert">
            {errorText(preview.error, t)}
          </p>
        )}
      </AuthLayout>
    );
  }
  const invitation = preview.value;
  const expires = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(
    invitation.expiresAt,
  );
  const signedInAs = userOf(auth)?.name ?? null;
  return (
    <AuthLayout title={t('auth.joinTitle')}>
      <dl className="invitation-summary">
        <div>
          <dt>{t('auth.joinRole')}</dt>
          <dd>
            <span className="role-tag is-large">{t(`role.${invitation.role}`)}</span>
          </dd>
        </div>
        {invitation.unit === null ? null : (
          <div>
            <dt>{t('auth.joinUnit')}</dt>
            <dd>{invitation.unit.name}</dd>
          </div>
        )}
        <div hidden={invitation.unit !== null}>
          <dt>{t('auth.joinGroups')}</dt>
          <dd>
            {invitation.groups.length === 0 ? (
              <span className="muted">{t('auth.joinNoGroups')}</span>
            ) : (
              <ul className="chip-list">
                {invitation.groups.map((group) => (
                  <li key={group.id} className="chip">
                    {group.name}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <p className="auth-foot">{t('auth.joinExpires', { date: expires })}</p>
      {signedInAs === null ? null : <p className="notice is-info">{t('auth.joinSignedIn', { name: signedInAs })}</p>}
      <NewAccountForm form={form} submitLabel={t('auth.joinSubmit')} />
    </AuthLayout>
  );
}
