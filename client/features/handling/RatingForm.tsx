import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAnswer } from '../../../shared/api/handling';
import { SATISFACTIONS, type Satisfaction } from '../../../shared/domain/handling';
import type { DocId } from '../../../shared/index';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';

function SatisfactionChoice(props: {
  readonly legend: string;
  readonly name: string;
  readonly value: Satisfaction;
  readonly onChange: (value: Satisfaction) => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <fieldset className="case-choices">
      <legend>{props.legend}</legend>
      {SATISFACTIONS.map((each) => (
        <label key={each} className="choice">
          <input
            type="radio"
            name={props.name}
            value={each}
            checked={props.value === each}
            onChange={() => props.onChange(each)}
          />
          {t(`handling.satisfaction.${each}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** A proposer rates the answered round: 满意, 基本满意 or 不满意, on the work and on the result (H6). */
export function RatingForm(props: {
  readonly docId: DocId;
  readonly onChanged: (next: CaseAnswer) => void;
}): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const action = useBusyAction();
  const [handling, setHandling] = useState<Satisfaction>('satisfied');
  const [result, setResult] = useState<Satisfaction>('satisfied');
  const [comment, setComment] = useState('');
  return (
    <form
      className="case-form"
      aria-label={t('handling.rateTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        action.run(
          () => api.handling.step(props.docId, 'rating', { handling, result, comment: comment.trim() }),
          props.onChanged,
        );
      }}
    >
      <h3>{t('handling.rateTitle')}</h3>
      <SatisfactionChoice
        legend={t('handling.rateHandling')}
        name="rate-handling"
        value={handling}
        onChange={setHandling}
      />
      <SatisfactionChoice legend={t('handling.rateResult')} name="rate-result" value={result} onChange={setResult} />
      <textarea
        rows={3}
        value={comment}
        aria-label={t('handling.rateComment')}
        placeholder={t('handling.rateComment')}
        onChange={(e) => setComment(e.target.value)}
      />
      <small className="case-note">{t('handling.rateHint')}</small>
      <button type="submit" className="button is-primary" disabled={action.isBusy}>
        {t('handling.actions.rate')}
      </button>
      <FormError message={action.error} />
    </form>
  );
}
