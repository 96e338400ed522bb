import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocRecord } from '../../../shared/api/schemas';
import type { OutboxProblem } from '../../core/outbox';
import { denialText } from '../../ui/errorText';
import { useBackgroundSync, useOutbox } from '../../ui/hooks/useWorkspace';
import { ProblemActions } from '../../ui/ProblemActions';
import { checkInRefusalText } from '../activities/checkInRefusalText';
import { uploadRefusalText } from '../files/uploadProblemText';
import { reviewProblemText } from '../workflow/problemText';

function problemText(problem: OutboxProblem, docs: readonly DocRecord[], t: TFunction): string {
  const doc = docs.find((each) => each.id === problem.docId);
  const title = doc?.title || t('common.untitled');
  const reason = denialText(problem.denial, problem.message, t);
  switch (problem.op) {
    case 'registerDoc':
      return t('home.problemRegister', { title, reason });
    case 'setArchived':
      return t('home.problemArchive', { title, reason });
    // An activity's row is keyed by the activity, not a document: no title to name.
    case 'attendance':
      return t('activities.problem.attendance', { reason });
    case 'checkIn':
      return t('activities.problem.checkIn', { reason: checkInRefusalText(problem.reason, t) ?? reason });
    case 'uploadFile':
      return t('files.problemUpload', { title, reason: uploadRefusalText(problem, t) ?? reason });
    default: {
      // A review operation (transition, mention, read marks): the review bar's wording, with the title.
      const text = reviewProblemText(problem, { action: null, currentStatus: doc?.status ?? null }, t);
      return `《${title}》${text}`;
    }
  }
}

/** "正在同步 12/40 篇文档" and the like: how far the device is from holding the whole workspace. */
function SyncProgress({ hasDocs }: { readonly hasDocs: boolean }): ReactElement | null {
  const { t } = useTranslation();
  const sync = useBackgroundSync();
  switch (sync.phase) {
    case 'running':
      return (
        <div className="status-line is-busy" role="status">
          <span>{t('home.syncRunning', { done: sync.done, total: sync.total })}</span>
          <progress max={Math.max(sync.total, 1)} value={sync.done} aria-label={t('home.syncProgress')} />
        </div>
      );
    case 'offline':
      return (
        <div className="status-line is-offline" role="status">
          {t('home.syncOffline')}
        </div>
      );
    case 'error':
    case 'done':
      if (sync.failed > 0) {
        return (
          <div className="status-line is-error" role="status">
            {t('home.syncFailed', { failed: sync.failed })}
          </div>
        );
      }
      return sync.phase === 'done' && hasDocs ? (
        <div className="status-line is-ok" role="status">
          {t('home.syncDone')}
        </div>
      ) : null;
    case 'idle':
      return null;
  }
}

/** The background sync, operations waiting for the network, and those the server refused. */
export function WorkspaceStatus({ docs }: { readonly docs: readonly DocRecord[] }): ReactElement {
  const { t } = useTranslation();
  const outbox = useOutbox();
  return (
    <section className="workspace-status" aria-live="polite">
      <SyncProgress hasDocs={docs.length > 0} />
      {outbox.pending > 0 ? (
        <div className="status-line is-offline">{t('home.pending', { count: outbox.pending })}</div>
      ) : null}
      {outbox.problems.length > 0 ? (
        <div className="problem-box" role="alert">
          <p>{t('home.problemsTitle')}</p>
          <ul>
            {outbox.problems.map((problem) => (
              <li key={problem.id}>
                <span>{problemText(problem, docs, t)}</span>
                <ProblemActions problem={problem} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
