import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** What shows while the app, a page or an account's services load. */
export function Splash(): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="splash" role="status">
      <img src="/icon.svg" alt="" width="48" height="48" />
      <span>{t('common.loading')}</span>
    </div>
  );
}
