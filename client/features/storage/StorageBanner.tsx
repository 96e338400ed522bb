import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../ui/hooks/useStore';
import { ReloadBanner } from '../../ui/ReloadBanner';
import { useApp } from '../../ui/services/useServices';

/** Tells the user when edits may not be reaching the device store, and what to do. */
export function StorageBanner(): ReactElement | null {
  const { t } = useTranslation();
  const health = useStore(useApp().health);
  switch (health.state) {
    case 'ok':
      return null;
    case 'interrupted':
      return (
        <div className="banner is-warning" role="status">
          {t('storage.interrupted')}
        </div>
      );
    case 'failing':
      return (
        <div className="banner is-error" role="alert">
          {t('storage.failing', { error: health.lastError ?? '' })}
        </div>
      );
    case 'outdated':
      return <ReloadBanner message={t('storage.outdated')} reloadLabel={t('storage.reload')} />;
  }
}
