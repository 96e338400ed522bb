import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxProblem } from '../core/outbox';
import { useAccount } from './services/useServices';

/**
 * 重试 and 忽略 for an operation the server refused. A conflict is not offered again: what it started
 * from is gone (for example the document moved on), so it is only acknowledged.
 */
export function ProblemActions({ problem }: { readonly problem: OutboxProblem }): ReactElement {
  const { t } = useTranslation();
  const { outbox } = useAccount();
  const isConflict = problem.code === 'conflict';
  return (
    <span className="problem-actions">
      {isConflict ? null : (
        <button type="button" className="button is-small" onClick={() => void outbox.retry(problem.id)}>
          {t('common.retry')}
        </button>
      )}
      <button type="button" className="button is-small is-quiet" onClick={() => void outbox.dismiss(problem.id)}>
        {isConflict ? t('common.understood') : t('common.dismiss')}
      </button>
    </span>
  );
}
