import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocStatus } from '../../../shared';
import type { QueuedReview } from '../../core/review';
import { ProblemActions } from '../../ui/ProblemActions';
import { reviewProblemText } from './problemText';

/**
 * Review operations of this document the server refused (a transition whose status moved on, a
 * mention): said plainly, with a way to try again or let it go. A 409 is not offered again: the
 * status it started from is gone.
 */
export function ReviewProblems({
  problems,
  currentStatus,
}: {
  readonly problems: QueuedReview['problems'];
  readonly currentStatus: DocStatus | null;
}): ReactElement | null {
  const { t } = useTranslation();
  if (problems.length === 0) {
    return null;
  }
  return (
    <ul className="review-problems" role="alert">
      {problems.map((problem) => (
        <li key={problem.id} className="review-problem">
          <span>{reviewProblemText(problem, { action: problem.payload?.action ?? null, currentStatus }, t)}</span>
          <ProblemActions problem={problem} />
        </li>
      ))}
    </ul>
  );
}
