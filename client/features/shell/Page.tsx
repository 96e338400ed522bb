import type { ReactElement, ReactNode } from 'react';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AppHeader } from './AppHeader';
import { useListIndicator } from './useListIndicator';

export interface PageProps {
  /** The page's name in the browser tab. */
  readonly title: string;
  readonly children: ReactNode;
  readonly className?: string;
}

/** A signed-in page that shows no one document: the header with navigation, then the content. */
export function Page({ title, children, className }: PageProps): ReactElement {
  useDocumentTitle(title);
  const indicator = useListIndicator();
  return (
    <div className="app-shell">
      <AppHeader indicator={indicator} />
      <main id="main" className={`page-main ${className ?? ''}`}>
        {children}
      </main>
    </div>
  );
}
