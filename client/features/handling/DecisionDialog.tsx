import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAnswer, CommitteeSession } from '../../../shared/api/handling';
import type { DocRecord } from '../../../shared/api/schemas';
import { CONVERSIONS, type Conversion } from '../../../shared/domain/handling';
import type { DocId, SessionId } from '../../../shared/index';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { numberText } from './caseModel';

export type Decision = 'file' | 'reject' | 'merge';

export interface DecisionDialogProps {
  readonly decision: { readonly kind: Decision; readonly record: DocRecord } | null;
  readonly sessions: readonly CommitteeSession[];
  /** Filed cases of the same kind, with their records' titles: what a proposal may be merged into. */
  readonly filed: readonly { readonly answer: CaseAnswer; readonly title: string }[];
  readonly onDone: () => void;
  readonly onClose: () => void;
}

/** The office's decision on an approved proposal: 立案 in a session, 不予立案 with a reason, or 并案 (P12). */
export function DecisionDialog({ decision, sessions, filed, onDone, onClose }: DecisionDialogProps): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const action = useBusyAction();
  const [sessionId, setSessionId] = useState<SessionId | ''>('');
  const [isKey, setKey] = useState(false);
  const [reason, setReason] = useState('');
  const [conversion, setConversion] = useState<Conversion>('opinion');
  const [into, setInto] = useState<DocId | ''>('');
  const kind = decision?.kind ?? 'file';
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (decision === null || (kind === 'reject' && reason.trim() === '') || (kind === 'merge' && into === '')) {
      return;
    }
    const filing =
      kind === 'file'
        ? { isKey, ...(sessionId === '' ? {} : { sessionId }) }
        : kind === 'reject'
          ? { conversion }
          : { into: into as DocId };
    action.run(
      () =>
        api.transition(decision.record.id, {
          action: kind,
          fromStatus: 'approved',
          requestId: crypto.randomUUID(),
          ...(kind === 'reject' ? { reason: reason.trim() } : {}),
          filing,
        }),
      () => {
        setReason('');
        setInto('');
        onDone();
      },
    );
  };
  return (
    <Dialog isOpen={decision !== null} onClose={onClose} title={t(`handling.${kind}Title`)}>
      <form onSubmit={submit} noValidate>
        <p className="dialog-prompt">
          《{decision?.record.title || t('common.untitled')}》 {t(`handling.${kind}Prompt`)}
        </p>
        {kind === 'file' ? (
          <>
            <label className="field">
              <span>{t('handling.sessionLabel')}</span>
              <select value={sessionId} onChange={(e) => setSessionId(e.target.value as SessionId)}>
                <option value="">{t('handling.currentSession')}</option>
                {sessions.map((session) => (
                  <option key={session.id} value={session.id}>
                    {session.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="choice">
              <input type="checkbox" checked={isKey} onChange={(e) => setKey(e.target.checked)} />
              {t('handling.markKey')}
            </label>
          </>
        ) : null}
        {kind === 'reject' ? (
          <>
            <label className="field">
              <span>{t('handling.reasonLabel')}</span>
              <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
            </label>
            <label className="field">
              <span>{t('handling.conversionLabel')}</span>
              <select value={conversion} onChange={(e) => setConversion(e.target.value as Conversion)}>
                {CONVERSIONS.map((each) => (
                  <option key={each} value={each}>
                    {t(`handling.conversion.${each}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
        {kind === 'merge' ? (
          filed.length === 0 ? (
            <p className="empty-note">{t('handling.noMergeTarget')}</p>
          ) : (
            <label className="field">
              <span>{t('handling.mergeTarget')}</span>
              <select value={into} onChange={(e) => setInto(e.target.value as DocId)}>
                <option value="">—</option>
                {filed.map(({ answer, title }) => (
                  <option key={answer.case.docId} value={answer.case.docId}>
                    {numberText(answer.case)} {title}
                  </option>
                ))}
              </select>
            </label>
          )
        ) : null}
        <FormError message={action.error} />
        <DialogActions
          confirmLabel={t(`handling.actions.${kind}`)}
          onCancel={onClose}
          isDisabled={action.isBusy}
          isDanger={kind === 'reject'}
        />
      </form>
    </Dialog>
  );
}
