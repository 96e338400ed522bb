import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { userOf } from '../../core/workspace';
import { useAuth, useWorkspace } from '../../ui/hooks/useWorkspace';
import { InboxButton } from '../inbox/InboxButton';
import { SearchButton } from '../search/SearchButton';
import type { IndicatorView } from '../sync-indicator/indicatorView';
import { SyncIndicator } from '../sync-indicator/SyncIndicator';
import { AccountMenu } from './AccountMenu';
import { MainNav } from './MainNav';

export interface AppHeaderProps {
  readonly indicator: IndicatorView;
  /**
   * Page-specific content in place of the navigation bar (a document's title and co-editors);
   * the navigation then lives in the account menu.
   */
  readonly children?: ReactNode;
}

/** The top bar of every signed-in page: brand, navigation or page context, sync state, inbox, account. */
export function AppHeader({ indicator, children }: AppHeaderProps): ReactElement {
  const { t } = useTranslation();
  const auth = useAuth();
  const groups = useWorkspace()?.groups ?? [];
  const me = userOf(auth);
  const hasContext = children !== undefined;
  return (
    <header className="app-header">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Link href="/" className="brand" aria-label={t('app.name')}>
        <img src="/icon.svg" alt="" width="28" height="28" />
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      {hasContext ? (
        <div className="header-context">{children}</div>
      ) : (
        <div className="header-context only-wide">
          {me === null ? null : <MainNav me={me} groups={groups} layout="bar" />}
        </div>
      )}
      <SyncIndicator view={indicator} />
      {me === null ? null : <SearchButton />}
      {me === null ? null : <InboxButton />}
      {me === null ? null : <AccountMenu me={me} groups={groups} hasNav={hasContext} />}
    </header>
  );
}
