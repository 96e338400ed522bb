import type { ReactElement } from 'react';
import type { DocReviewContext } from '../document/reviewContext';

/** Placeholder until this part is built. */
export function VersionsPanel(_props: { readonly context: DocReviewContext }): ReactElement | null {
  return null;
}
