import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAnswer, Unit } from '../../../shared/api/handling';
import { AssignmentState } from '../../../shared/domain/handling';
import type { DocId, UnitId } from '../../../shared/index';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { HandoverForm } from './HandoverForm';

/** The office's work on a filed proposal: 交办, 重新交办 of a declined part, 重点, 催办 (H1, H3, H7, H9). */
export function OfficeCaseActions(props: {
  readonly docId: DocId;
  readonly answer: CaseAnswer;
  readonly units: readonly Unit[];
  readonly onChanged: (next: CaseAnswer) => void;
}): ReactElement | null {
  const { t } = useTranslation();
  const { api } = useApp();
  const action = useBusyAction();
  const [replacement, setReplacement] = useState<UnitId | ''>('');
  const stored = props.answer.case;
  if (stored.outcome !== 'filed') {
    return null;
  }
  const declined = stored.assignments.find((assignment) => assignment.state === AssignmentState.declined);
  const handling = new Set(stored.assignments.map((assignment) => assignment.unitId));
  return (
    <section className="case-actions" aria-label={t('handling.deskTitle')}>
      {props.answer.stage === 'awaiting_handover' ? (
        <HandoverForm docId={props.docId} units={props.units} onChanged={props.onChanged} />
      ) : null}
      {declined === undefined ? null : (
        <form
          className="case-form is-inline"
          onSubmit={(event) => {
            event.preventDefault();
            if (replacement !== '') {
              action.run(
                () => api.handling.step(props.docId, 'reassign', { assignmentId: declined.id, unitId: replacement }),
                props.onChanged,
              );
            }
          }}
        >
          <label className="field">
            <span>{t('handling.reassignTitle')}</span>
            <select value={replacement} onChange={(e) => setReplacement(e.target.value as UnitId)}>
              <option value="">—</option>
              {props.units
                .filter((unit) => unit.isActive && !handling.has(unit.id))
                .map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
            </select>
          </label>
          <button type="submit" className="button is-primary" disabled={action.isBusy || replacement === ''}>
            {t('handling.actions.reassign')}
          </button>
        </form>
      )}
      <div className="case-buttons">
        <button
          type="button"
          className="button"
          disabled={action.isBusy}
          onClick={() =>
            action.run(() => api.handling.step(props.docId, 'key', { isKey: !stored.isKey }), props.onChanged)
          }
        >
          {stored.isKey ? t('handling.unmarkKey') : t('handling.markKey')}
        </button>
        {props.answer.isOverdue ? (
          <button
            type="button"
            className="button is-danger"
            disabled={action.isBusy}
            onClick={() => action.run(() => api.handling.remind(props.docId), props.onChanged)}
          >
            {t('handling.actions.remind')}
          </button>
        ) : null}
      </div>
      <FormError message={action.error} />
    </section>
  );
}
