import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab's title to "<page> - 建言"; the app's name alone when `page` is empty. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = page === '' ? appName : `${page} - ${appName}`;
  }, [page, appName]);
}
