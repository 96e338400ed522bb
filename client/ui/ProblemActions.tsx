import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type OutboxProblem, workspace } from '../core/workspace';

/**
 * 重试 and 忽略 for an operation the server refused. A 409 is not offered again: what it started
 * from is gone (for example the document moved on), so it is only acknowledged.
 */
export function ProblemActions({ problem }: { readonly problem: OutboxProblem }): ReactElement {
  const { t } = useTranslation();
  const isConflict = problem.status === 409;
  return (
    <span className="problem-actions">
      {isConflict ? null : (
        <button type="button" className="button is-small" onClick={() => void workspace.retryProblem(problem.id)}>
          {t('common.retry')}
        </button>
      )}
      <button
        type="button"
        className="button is-small is-quiet"
        onClick={() => void workspace.dismissProblem(problem.id)}
      >
        {isConflict ? t('common.understood') : t('common.dismiss')}
      </button>
    </span>
  );
}
