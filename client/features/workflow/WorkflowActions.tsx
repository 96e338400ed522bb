import { type ReactElement, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  Action,
  blockingFailures,
  bodyBlocks,
  type CheckResult,
  ContentField,
  can,
  Denial,
  decide,
  documentTarget,
  readFields,
  runSubmitChecks,
  type SubmitChecksConfig,
  type UserId,
} from '../../../shared';
import { TRANSITION_ACTIONS, TRANSITIONS, type Transition } from '../../../shared/api/review';
import type { DocRecord, Me, Person } from '../../../shared/api/schemas';
import { cachedSubmitChecks, loadSubmitChecks } from '../../core/committee';
import { type SignatureState, signatureStateOf } from '../../core/review';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useOnline } from '../../ui/hooks/useOnline';
import { useSignedSnapshots } from '../../ui/hooks/useReview';
import { useAccount, useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { peopleById } from '../docs/peopleNames';
import { cosignGaps, cosignWarnings } from './cosignGaps';
import { jumpToCheck } from './jumpToCheck';
import { ReturnDialog } from './ReturnDialog';
import { SubmitChecklist } from './SubmitChecklist';

/** The button order in the bar, and the permission each one needs. */

type ConfirmedTransition = Exclude<Transition, 'return'>;

/** The transitions `can()` allows this user now. */
export function allowedTransitions(me: Me, record: DocRecord): Transition[] {
  const target = documentTarget(record);
  return TRANSITIONS.filter((action) => can(me, TRANSITION_ACTIONS[action], target));
}

export interface WorkflowActionsProps {
  readonly me: Me;
  readonly record: DocRecord;
  /** The content on this device: signatures are compared with it when a confirmation opens. */
  readonly doc: Y.Doc;
  readonly people: readonly Person[];
}

/** Each signed co-signer's state now: computed once per confirmation, not as the document changes. */
function statesNow(doc: Y.Doc, snapshots: ReadonlyMap<UserId, string>): ReadonlyMap<UserId, SignatureState> {
  return new Map([...snapshots].map(([userId, snapshot]) => [userId, signatureStateOf(doc, snapshot, userId)]));
}

/**
 * The checks before submitting on the content of this device (RULES.md K1-K5): what the server
 * will check again. Signatures this device cannot compare yet count as current, as in cosignGaps.
 */
function submitChecksNow(
  config: SubmitChecksConfig,
  doc: Y.Doc,
  record: DocRecord,
  states: ReadonlyMap<UserId, SignatureState>,
): CheckResult[] {
  return runSubmitChecks(config, {
    kind: record.kind,
    title: doc.getText(ContentField.title).toString(),
    body: bodyBlocks(doc),
    fields: readFields(doc, record.kind),
    cosigners: record.cosigners
      .filter((cosigner) => cosigner.state !== 'withdrawn')
      .map((cosigner) => ({
        userId: cosigner.userId,
        state: cosigner.state === 'signed' ? 'signed' : 'invited',
        isOutdated: states.get(cosigner.userId) === 'outdated',
      })),
  });
}

/** The secretariat's checks before submitting: the server's, else the ones last seen on this device. */
function useSubmitChecks(): SubmitChecksConfig {
  const { api } = useApp();
  const data = useApiData(useCallback(() => loadSubmitChecks(api), [api]));
  return data.status === 'ready' ? data.value : cachedSubmitChecks();
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
 * its reason). Offline too: the transition is queued and sent once the network is back. The
 * confirmation of a proposal lists the co-signers who have not signed or signed an older text;
 * the person may still go on. A submit's confirmation lists the checks before submitting
 * (SubmitChecklist); a failed blocking one keeps 提交审阅 disabled until it is fixed.
 */
export function WorkflowActions({ me, record, doc, people }: WorkflowActionsProps): ReactElement | null {
  const { t } = useTranslation();
  const { review } = useAccount();
  const isOnline = useOnline();
  const [confirming, setConfirming] = useState<ConfirmedTransition | null>(null);
  const [warnings, setWarnings] = useState<readonly string[]>([]);
  const [checks, setChecks] = useState<readonly CheckResult[]>([]);
  const config = useSubmitChecks();
  const [isReturning, setReturning] = useState(false);
  const listed = useMemo(() => record.cosigners.filter((each) => each.state !== 'withdrawn'), [record.cosigners]);
  const snapshots = useSignedSnapshots(record.id, listed);
  const byId = useMemo(() => peopleById(people), [people]);
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
  const confirm = (action: ConfirmedTransition): void => {
    const states = statesNow(doc, snapshots);
    setWarnings(cosignWarnings(cosignGaps(listed, states), byId, t));
    // Checked on this device, online or not: a submit queued offline has passed them here.
    setChecks(action === 'submit' ? submitChecksNow(config, doc, record, states) : []);
    setConfirming(action);
  };
  const jump = (result: CheckResult): void => {
    setConfirming(null);
    // After the dialog has closed and given focus back, so that the jump keeps it.
    requestAnimationFrame(() => requestAnimationFrame(() => jumpToCheck(result.target)));
  };
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
          onClick={() => (action === 'return' ? setReturning(true) : confirm(action))}
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
        warnings={warnings.length === 0 ? [] : [...warnings, t('workflow.gaps.note')]}
        confirmLabel={confirming === null ? '' : t(`workflow.action.${confirming}`)}
        onConfirm={() => (confirming === null ? Promise.resolve() : run(confirming))}
        onClose={() => setConfirming(null)}
        isConfirmDisabled={blockingFailures(checks).length > 0}
      >
        {confirming === 'submit' ? <SubmitChecklist results={checks} people={byId} onJump={jump} /> : null}
      </ConfirmDialog>
      <ReturnDialog
        isOpen={isReturning}
        note={offlineNote}
        onReturn={(reason) => run('return', reason)}
        onClose={() => setReturning(false)}
      />
    </div>
  );
}
