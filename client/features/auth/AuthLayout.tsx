import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

export interface AuthLayoutProps {
  readonly title: string;
  readonly lead?: ReactNode;
  readonly children: ReactNode;
}

/** The centred card of the pages before one is signed in: sign-in, setup, joining. */
export function AuthLayout({ title, lead, children }: AuthLayoutProps): ReactElement {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="auth-shell">
      <main id="main" className="auth-card">
        <div className="auth-brand">
          <img src="/icon.svg" alt="" width="40" height="40" />
          <span>{t('app.name')}</span>
        </div>
        <h1>{title}</h1>
        {lead === undefined ? null : <div className="auth-lead">{lead}</div>}
        {children}
      </main>
    </div>
  );
}
