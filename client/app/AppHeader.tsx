import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { IndicatorView } from '../features/sync-indicator/indicatorView';
import { SyncIndicator } from '../features/sync-indicator/SyncIndicator';
import { UserMenu } from '../features/user/UserMenu';

export interface AppHeaderProps {
  readonly indicator: IndicatorView;
  /** Page-specific content between the brand and the indicator (a document's title, co-editors). */
  readonly children?: ReactNode;
}

/** The top bar of every page: brand, page context, sync state, personal settings. */
export function AppHeader({ indicator, children }: AppHeaderProps): ReactElement {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <Link href="/" className="brand" aria-label={t('list.heading')}>
        <img src="/icon.svg" alt="" width="28" height="28" />
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <div className="header-context">{children}</div>
      <SyncIndicator view={indicator} />
      <UserMenu />
    </header>
  );
}
