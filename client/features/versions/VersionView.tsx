import type { ReactElement } from 'react';
import type { DocReviewContext, DocView } from '../document/reviewContext';

/** Placeholder until this part is built. */
export function VersionView(_props: {
  readonly context: DocReviewContext;
  readonly view: Exclude<DocView, { kind: 'live' }>;
}): ReactElement | null {
  return null;
}
