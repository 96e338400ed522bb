import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAnswer, Unit } from '../../../shared/api/handling';
import { defaultDeadline, type HandoverMode, HandoverMode as Mode } from '../../../shared/domain/handling';
import type { DocId, UnitId } from '../../../shared/index';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { dateInputValue, endOfDay } from './caseModel';

/**
 * 交办 (H1): a lead unit with co-units, or units each answering separately, and the deadline
 * (three months by default).
 */
export function HandoverForm(props: {
  readonly docId: DocId;
  readonly units: readonly Unit[];
  readonly onChanged: (next: CaseAnswer) => void;
}): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const action = useBusyAction();
  const active = props.units.filter((unit) => unit.isActive);
  const [mode, setMode] = useState<HandoverMode>(Mode.lead);
  const [lead, setLead] = useState<UnitId | ''>('');
  const [others, setOthers] = useState<readonly UnitId[]>([]);
  const [deadline, setDeadline] = useState(() => dateInputValue(defaultDeadline(Date.now())));
  const [problem, setProblem] = useState<string | null>(null);
  const unitIds = mode === Mode.lead ? [...(lead === '' ? [] : [lead]), ...others.filter((id) => id !== lead)] : others;
  const toggle = (id: UnitId): void =>
    setOthers((chosen) => (chosen.includes(id) ? chosen.filter((each) => each !== id) : [...chosen, id]));
  return (
    <form
      className="case-form"
      aria-label={t('handling.handoverTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        const due = endOfDay(deadline);
        if (unitIds.length === 0 || (mode === Mode.lead && lead === '')) {
          setProblem(t('handling.pickUnit'));
          return;
        }
        setProblem(null);
        action.run(
          () =>
            api.handling.step(props.docId, 'handover', {
              mode,
              unitIds: [...unitIds],
              ...(due === null ? {} : { deadline: due }),
            }),
          props.onChanged,
        );
      }}
    >
      <fieldset className="case-choices">
        <legend>{t('handling.modeLabel')}</legend>
        {[Mode.lead, Mode.separate].map((each) => (
          <label key={each} className="choice">
            <input type="radio" name="handover-mode" checked={mode === each} onChange={() => setMode(each)} />
            {t(`handling.mode.${each}`)}
          </label>
        ))}
      </fieldset>
      {mode === Mode.lead ? (
        <label className="field">
          <span>{t('handling.leadUnit')}</span>
          <select value={lead} onChange={(e) => setLead(e.target.value as UnitId)}>
            <option value="">—</option>
            {active.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <fieldset className="case-choices is-units">
        <legend>{mode === Mode.lead ? t('handling.coUnits') : t('handling.separateUnits')}</legend>
        {active
          .filter((unit) => mode !== Mode.lead || unit.id !== lead)
          .map((unit) => (
            <label key={unit.id} className="choice">
              <input type="checkbox" checked={others.includes(unit.id)} onChange={() => toggle(unit.id)} />
              {unit.name}
            </label>
          ))}
      </fieldset>
      <label className="field">
        <span>{t('handling.deadlineLabel')}</span>
        <input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </label>
      <button type="submit" className="button is-primary" disabled={action.isBusy}>
        {t('handling.actions.handover')}
      </button>
      <FormError message={problem ?? action.error} />
    </form>
  );
}
