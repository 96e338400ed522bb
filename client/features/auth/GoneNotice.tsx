import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { AuthLayout } from './AuthLayout';

export interface GoneNoticeProps {
  readonly title: string;
  /** Which link is used up or expired, and what to do. */
  readonly message: string;
}

/** A setup or invitation link that no longer works, with the way to the sign-in page. */
export function GoneNotice({ title, message }: GoneNoticeProps): ReactElement {
  const { t } = useTranslation();
  return (
    <AuthLayout title={title}>
      <p className="notice is-warning" role="alert">
        {message}
      </p>
      <Link href="/" className="button is-primary is-block">
        {t('auth.toSignIn')}
      </Link>
    </AuthLayout>
  );
}
