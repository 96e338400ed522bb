import type { TFunction } from 'i18next';
import { DocStatus } from '../../../shared';
import type { Transition } from '../../../shared/api/review';
import type { OutboxProblem } from '../../core/outbox';
import { denialText } from '../../ui/errorText';

/** Why the server refused a queued transition, as the person reads it. */
function transitionReason(
  problem: OutboxProblem,
  input: { readonly action: Transition | null; readonly currentStatus: DocStatus | null },
  t: TFunction,
): string {
  const { currentStatus } = input;
  // A withdrawal refused while the document is still in review: a reviewer acted on it (P15).
  if (problem.code === 'conflict' && input.action === 'withdraw' && currentStatus === DocStatus.inReview) {
    return t('workflow.problem.alreadyReviewed');
  }
  if (problem.code === 'conflict') {
    return currentStatus === null
      ? t('workflow.problem.notAllowed')
      : t('workflow.problem.statusMoved', { status: t(`status.${currentStatus}`) });
  }
  if (problem.denial === 'status') {
    return t('workflow.problem.notAllowed');
  }
  return denialText(problem.denial, problem.message, t);
}

/**
 * The sentence for a refused review operation of the outbox, for example
 * "提交审阅未成功：文档状态已变为审阅中". `action` is the transition's (null when unknown);
 * `currentStatus` is the document's status as the device now knows it.
 */
export function reviewProblemText(
  problem: OutboxProblem,
  input: { readonly action: Transition | null; readonly currentStatus: DocStatus | null },
  t: TFunction,
): string {
  switch (problem.op) {
    case 'transition': {
      const action = input.action === null ? t('workflow.title') : t(`workflow.action.${input.action}`);
      return t('workflow.problem.transition', { action, reason: transitionReason(problem, input, t) });
    }
    case 'mention':
      return t('workflow.problem.mention', { reason: denialText(problem.denial, problem.message, t) });
    default:
      return t('workflow.problem.markRead', { reason: denialText(problem.denial, problem.message, t) });
  }
}
