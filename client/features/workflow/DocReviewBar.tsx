import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocStatus } from '../../../shared';
import type { Person } from '../../../shared/api/schemas';
import type { QueuedTransition } from '../../core/review';
import { useOnline } from '../../ui/hooks/useOnline';
import { useQueuedReview } from '../../ui/hooks/useReview';
import { useAccount } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import type { DocReviewContext } from '../document/reviewContext';
import { ChangesSinceReviewButton } from '../versions/ChangesSinceReviewButton';
import { CosignPanel } from './CosignPanel';
import { isReviewerOf } from './isReviewerOf';
import { ReturnNotice } from './ReturnNotice';
import { ReviewProblems } from './ReviewProblems';
import { WorkflowActions } from './WorkflowActions';

const NO_PEOPLE: readonly Person[] = [];

/**
 * 「提交审阅：将在联网后提交」 with 撤销 while its request has not gone out: the member who
 * submitted too early takes it back and keeps typing.
 */
function QueuedNotice(props: {
  readonly waiting: QueuedTransition;
  readonly isRequesting: boolean;
  readonly onCancelled: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const { review } = useAccount();
  const isOnline = useOnline();
  const cancel = useBusyAction();
  const [isTooLate, setTooLate] = useState(false);
  const { waiting } = props;
  return (
    <span className={isOnline ? 'workflow-queued is-sending' : 'workflow-queued'} role="status">
      {t(isOnline ? 'workflow.queuedSending' : 'workflow.queuedOffline', {
        action: t(`workflow.action.${waiting.action}`),
      })}
      {props.isRequesting || isTooLate ? null : (
        <button
          type="button"
          className="button is-small is-quiet"
          disabled={cancel.isBusy}
          onClick={() =>
            cancel.run(
              () => review.cancelTransition(waiting.id),
              (isCancelled) => (isCancelled ? props.onCancelled() : setTooLate(true)),
            )
          }
        >
          {t('workflow.cancel')}
        </button>
      )}
      {isTooLate ? <span className="workflow-queued-note">{t('workflow.cancelTooLate')}</span> : null}
      {cancel.error === null ? null : <span className="workflow-queued-note">{cancel.error}</span>}
    </span>
  );
}

/**
 * Under the document's meta bar (which shows the status as a coloured tag): what the status means, what this user may
 * do next (or what waits for the network), refusals, and for a proposal its co-signers.
 */
export function DocReviewBar({ context }: { readonly context: DocReviewContext }): ReactElement | null {
  const { t } = useTranslation();
  const queued = useQueuedReview(context.docId);
  const [cancelled, setCancelled] = useState<QueuedTransition['action'] | null>(null);
  const waiting = queued.pending[0];
  const waitingId = waiting?.id;
  // 「已撤销提交」 is about the last transition taken back: a new one replaces the note.
  useEffect(() => {
    if (waitingId !== undefined) {
      setCancelled(null);
    }
  }, [waitingId]);
  const { record, me } = context;
  if (record === undefined || me === null) {
    return null;
  }
  return (
    <section className="doc-review-bar" aria-label={t('workflow.barLabel')}>
      <div className="workflow-row">
        <span className={`workflow-hint is-${record.status}`}>{t(`workflow.hint.${record.status}`)}</span>
        <span className="workflow-tools">
          {isReviewerOf(me, record) ? <ChangesSinceReviewButton context={context} /> : null}
          {waiting === undefined ? (
            <>
              {cancelled === null ? null : (
                <span className="workflow-queued" role="status">
                  {t(`workflow.cancelled.${cancelled}`)}
                </span>
              )}
              <WorkflowActions
                me={me}
                record={record}
                doc={context.session.doc}
                people={context.workspace?.people ?? NO_PEOPLE}
              />
            </>
          ) : (
            <QueuedNotice
              key={waiting.id}
              waiting={waiting}
              isRequesting={queued.requesting === waiting.id}
              onCancelled={() => setCancelled(waiting.action)}
            />
          )}
        </span>
      </div>
      {record.status === DocStatus.returned && record.lastReturn !== null ? (
        <ReturnNotice lastReturn={record.lastReturn} people={context.workspace?.people ?? NO_PEOPLE} />
      ) : null}
      <ReviewProblems problems={queued.problems} currentStatus={record.status} />
      <CosignPanel context={context} record={record} me={me} />
    </section>
  );
}
