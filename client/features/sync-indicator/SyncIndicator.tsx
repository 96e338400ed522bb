import type { ReactElement } from 'react';
import type { IndicatorView } from './indicatorView';

/** The always-visible sync state in the header; `data-sync-phase` lets tests read the state. */
export function SyncIndicator({ view }: { readonly view: IndicatorView }): ReactElement {
  return (
    <output
      className={`sync-indicator is-${view.phase}`}
      data-sync-phase={view.phase}
      title={view.hint}
      aria-live="polite"
    >
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-label">{view.label}</span>
    </output>
  );
}
