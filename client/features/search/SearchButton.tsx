import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useRevealSearchHit } from './revealSearchHit';
import { useSearchShortcut } from './searchShortcut';

/**
 * The header's way to 搜索, on every signed-in page: while it is shown, Ctrl+K and / open it too,
 * and a document opened from a result scrolls to the passage found.
 */
export function SearchButton(): ReactElement {
  const { t } = useTranslation();
  const [location] = useLocation();
  useSearchShortcut();
  useRevealSearchHit();
  return (
    <Link
      href="/search"
      className="search-button"
      aria-label={t('search.nav')}
      title={`${t('search.nav')} (Ctrl+K)`}
      aria-keyshortcuts="Control+K /"
      aria-current={location === '/search' ? 'page' : undefined}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <circle cx="10.5" cy="10.5" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="m15 15 5 5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
    </Link>
  );
}
