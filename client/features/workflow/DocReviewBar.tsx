import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Action, can, DocStatus, documentTarget } from '../../../shared';
import type { DocRecord, Me } from '../../../shared/api/schemas';
import { useOnline } from '../../lib/useOnline';
import { useQueuedReview } from '../../review';
import type { DocReviewContext } from '../document/reviewContext';
import { ChangesSinceReviewButton } from '../versions/ChangesSinceReviewButton';
import { CosignPanel } from './CosignPanel';
import { ReviewProblems } from './ReviewProblems';
import { WorkflowActions } from './WorkflowActions';

/** Whether the user reviews documents like this one (a chair, or the group's convener), whatever its status. */
function isReviewer(me: Me, record: DocRecord): boolean {
  return can(me, Action.returnDocument, { ...documentTarget(record), status: DocStatus.inReview, isArchived: false });
}

/**
 * Under the document's meta bar (which shows the status as a coloured tag): what the status means, what this user may
 * do next (or what waits for the network), refusals, and for a proposal its co-signers.
 */
export function DocReviewBar({ context }: { readonly context: DocReviewContext }): ReactElement | null {
  const { t } = useTranslation();
  const isOnline = useOnline();
  const queued = useQueuedReview(context.docId);
  const { record, me } = context;
  if (record === undefined || me === null) {
    return null;
  }
  const waiting = queued.pending[0];
  return (
    <section className="doc-review-bar" aria-label={t('workflow.barLabel')}>
      <div className="workflow-row">
        <span className={`workflow-hint is-${record.status}`}>{t(`workflow.hint.${record.status}`)}</span>
        <span className="workflow-tools">
          {isReviewer(me, record) ? <ChangesSinceReviewButton context={context} /> : null}
          {waiting === undefined ? (
            <WorkflowActions me={me} record={record} />
          ) : (
            <span className={isOnline ? 'workflow-queued is-sending' : 'workflow-queued'} role="status">
              {t(isOnline ? 'workflow.queuedSending' : 'workflow.queuedOffline', {
                action: t(`workflow.action.${waiting.action}`),
              })}
            </span>
          )}
        </span>
      </div>
      <ReviewProblems problems={queued.problems} currentStatus={record.status} />
      <CosignPanel context={context} record={record} me={me} />
    </section>
  );
}
