import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocActivity } from '../../ui/hooks/useReview';
import type { ChangesBase, DocReviewContext } from '../document/reviewContext';

/**
 * "查看自上次审阅以来的修改": shows the live document with what changed since the version this
 * reviewer last reviewed, coloured by author; when they have not reviewed it yet, the whole text
 * unmarked, said to be their first review.
 */
export function ChangesSinceReviewButton({ context }: { readonly context: DocReviewContext }): ReactElement {
  const { t } = useTranslation();
  const activity = useDocActivity(context.docId);
  const lastReviewed = activity?.lastReviewedVersionId ?? null;
  const since: ChangesBase =
    lastReviewed === null ? { kind: 'firstReview' } : { kind: 'version', versionId: lastReviewed };
  return (
    <button type="button" className="button is-small" onClick={() => context.view.set({ kind: 'changes', since })}>
      {t('versions.changesSinceReview')}
    </button>
  );
}
