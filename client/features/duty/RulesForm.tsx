import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_KEYS, type RuleKey } from '../../../shared/domain/dutyScoring';
import { DataTableHead } from '../../ui/DataTableHead';
import { isInvalid, type RulesDraft } from './rulesDraft';

type NumberField = Exclude<keyof RulesDraft, 'items' | 'plenary'>;

export interface RulesFormProps {
  readonly draft: RulesDraft;
  /** The inputs the last check refused (`rulesOfDraft`). */
  readonly invalid: readonly string[];
  readonly isReadOnly: boolean;
  readonly onChange: (draft: RulesDraft) => void;
}

/** The scoring table as inputs: each item's points and cap, the two caps, the thresholds, the minimum, inactive days. */
export function RulesForm({ draft, invalid, isReadOnly, onChange }: RulesFormProps): ReactElement {
  const { t } = useTranslation();
  const setItem = (key: RuleKey, part: 'points' | 'cap', value: string) =>
    onChange({ ...draft, items: { ...draft.items, [key]: { ...draft.items[key], [part]: value } } });
  const numberInput = (field: NumberField, label: string, path: string) => (
    <label className="field duty-number-field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="numeric"
        value={draft[field]}
        readOnly={isReadOnly}
        aria-invalid={isInvalid(invalid, path) ? true : undefined}
        onChange={(event) => onChange({ ...draft, [field]: event.target.value })}
      />
    </label>
  );
  return (
    <div className="duty-rules">
      <section className="card is-flush">
        <h2>{t('duty.committee.rules.items')}</h2>
        <p className="section-note duty-rules-hint">{t('duty.committee.rules.capHint')}</p>
        <div className="table-scroll">
          <table className="data-table duty-rules-table">
            <DataTableHead
              columns={[
                t('duty.committee.rules.item'),
                t('duty.committee.rules.points'),
                t('duty.committee.rules.cap'),
              ]}
            />
            <tbody>
              {RULE_KEYS.map((key) => (
                <tr key={key} data-rule={key}>
                  <th scope="row">{t(`duty.rule.${key}`)}</th>
                  {(['points', 'cap'] as const).map((part) => (
                    <td key={part}>
                      <input
                        type="number"
                        inputMode="decimal"
                        step="0.5"
                        aria-label={`${t(`duty.rule.${key}`)} ${t(`duty.committee.rules.${part}`)}`}
                        value={draft.items[key][part]}
                        readOnly={isReadOnly}
                        aria-invalid={isInvalid(invalid, `items.${key}.${part}`) ? true : undefined}
                        onChange={(event) => setItem(key, part, event.target.value)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <div className="duty-rules-side">
        <section className="card">
          <h2>{t('duty.committee.rules.caps')}</h2>
          {numberInput('participationCap', t('duty.committee.rules.participationCap'), 'participationCap')}
          {numberInput('resultsCap', t('duty.committee.rules.resultsCap'), 'resultsCap')}
        </section>
        <section className="card">
          <h2>{t('duty.committee.rules.levels')}</h2>
          {numberInput('excellent', t('duty.committee.rules.excellent'), 'levels.excellent')}
          {numberInput('competent', t('duty.committee.rules.competent'), 'levels.competent')}
          {numberInput('basic', t('duty.committee.rules.basic'), 'levels.basic')}
        </section>
        <section className="card">
          <h2>{t('duty.committee.rules.minimum')}</h2>
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.plenary}
              disabled={isReadOnly}
              onChange={(event) => onChange({ ...draft, plenary: event.target.checked })}
            />
            {t('duty.committee.rules.plenary')}
          </label>
          {numberInput('submissions', t('duty.committee.rules.submissions'), 'minimum.submissions')}
          {numberInput('fieldActivities', t('duty.committee.rules.fieldActivities'), 'minimum.fieldActivities')}
          {numberInput('inactiveDays', t('duty.committee.rules.inactiveDays'), 'inactiveDays')}
        </section>
      </div>
    </div>
  );
}
