import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Action, can, Denial, decide, documentTarget } from '../../../shared';
import { TRANSITION_ACTIONS, TRANSITIONS, type Transition } from '../../../shared/api/review';
import type { DocRecord, Me } from '../../../shared/api/schemas';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useOnline } from '../../ui/hooks/useOnline';
import { useAccount } from '../../ui/services/useServices';
import { ReturnDialog } from './ReturnDialog';

/** The button order in the bar, and the permission each one needs. */

type ConfirmedTransition = Exclude<Transition, 'return'>;

/** The transitions `can()` allows this user now. */
export function allowedTransitions(me: Me, record: DocRecord): Transition[] {
  const target = documentTarget(record);
  return TRANSITIONS.filter((action) => can(me, TRANSITION_ACTIONS[action], target));
}

/**
 * Whether the user is a member who may not submit the document only because they neither created
 * nor wrote it (P10): they see 提交审阅 disabled, with who may.
 */
export function isSubmitForAuthorsOnly(me: Me, record: DocRecord): boolean {
  const decision = decide(me, Action.submitDocument, documentTarget(record));
  return !decision.allowed && decision.denial === Denial.notAuthor;
}

/** Secondary transitions: they take the document back rather than forward. */
const QUIET_TRANSITIONS: readonly Transition[] = ['withdraw', 'return'];

/**
 * 提交审阅 / 撤回提交 / 退回修改 / 审核通过 / 立案, each behind a confirmation (a return asks for
 * its reason). Offline too: the transition is queued and sent once the network is back.
 */
export function WorkflowActions({ me, record }: { readonly me: Me; readonly record: DocRecord }): ReactElement | null {
  const { t } = useTranslation();
  const { review } = useAccount();
  const isOnline = useOnline();
  const [confirming, setConfirming] = useState<ConfirmedTransition | null>(null);
  const [isReturning, setReturning] = useState(false);
  const allowed = allowedTransitions(me, record);
  const isForAuthorsOnly = isSubmitForAuthorsOnly(me, record);
  if (allowed.length === 0 && !isForAuthorsOnly) {
    return null;
  }
  const offlineNote = isOnline ? null : t('workflow.confirm.offline');
  const run = (action: Transition, reason?: string): Promise<void> =>
    review.queueTransition(record.id, {
      action,
      fromStatus: record.status,
      ...(reason === undefined ? {} : { reason }),
    });
  return (
    <div className="workflow-actions">
      {isForAuthorsOnly ? (
        // aria-disabled rather than disabled: the button stays focusable, so its title says who may.
        <button type="button" className="button is-small" aria-disabled="true" title={t('workflow.onlyAuthorsSubmit')}>
          {t('workflow.action.submit')}
        </button>
      ) : null}
      {allowed.map((action) => (
        <button
          key={action}
          type="button"
          className={QUIET_TRANSITIONS.includes(action) ? 'button is-small' : 'button is-small is-primary'}
          onClick={() => (action === 'return' ? setReturning(true) : setConfirming(action))}
        >
          {t(`workflow.action.${action}`)}
        </button>
      ))}
      <ConfirmDialog
        message={
          confirming === null
            ? null
            : [t(`workflow.confirm.${confirming}`), offlineNote].filter((each) => each !== null).join(' ')
        }
        title={confirming === null ? '' : t(`workflow.action.${confirming}`)}
        confirmLabel={confirming === null ? '' : t(`workflow.action.${confirming}`)}
        onConfirm={() => (confirming === null ? Promise.resolve() : run(confirming))}
        onClose={() => setConfirming(null)}
      />
      <ReturnDialog
        isOpen={isReturning}
        note={offlineNote}
        onReturn={(reason) => run('return', reason)}
        onClose={() => setReturning(false)}
      />
    </div>
  );
}
