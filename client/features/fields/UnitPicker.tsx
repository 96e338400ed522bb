import { type ReactElement, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SUGGESTED_UNITS } from '../../../shared/index';
import { loadUnits } from '../../core/committee';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';

interface UnitPickerProps {
  readonly value: readonly string[];
  readonly isEditable: boolean;
  readonly onChange: (ids: readonly string[]) => void;
  readonly labelId: string;
}

/**
 * 建议承办单位: the units of `GET /api/units` as checkboxes, at most MAX_SUGGESTED_UNITS. When the
 * server has no units list (404) or cannot be asked (offline), the choice is shown read-only with
 * a note, so nobody types a unit by hand.
 */
export function UnitPicker({ value, isEditable, onChange, labelId }: UnitPickerProps): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const answer = useApiData(useCallback(() => loadUnits(api), [api]));
  const units = answer.status === 'ready' && answer.value.status === 'available' ? answer.value.units : null;
  if (units === null) {
    const note = t('fields.unitsUnavailable');
    return (
      <fieldset className="unit-picker is-readonly" aria-labelledby={labelId} disabled>
        {value.length === 0 ? (
          <span className="field-empty">{t('fields.unset')}</span>
        ) : (
          <span>{value.map(() => t('fields.unknownUnit')).join(t('common.listSeparator'))}</span>
        )}
        <p className="field-note">{note}</p>
      </fieldset>
    );
  }
  const shown = units.filter((unit) => unit.isActive || value.includes(unit.id));
  const isFull = value.length >= MAX_SUGGESTED_UNITS;
  const toggle = (id: string, isChecked: boolean): void => {
    onChange(isChecked ? [...value, id] : value.filter((each) => each !== id));
  };
  return (
    <fieldset className="unit-picker" aria-labelledby={labelId} disabled={!isEditable}>
      {shown.map((unit) => {
        const isChecked = value.includes(unit.id);
        return (
          <label key={unit.id} className="unit-option">
            <input
              type="checkbox"
              checked={isChecked}
              disabled={!isChecked && isFull}
              onChange={(event) => toggle(unit.id, event.target.checked)}
            />
            {unit.name}
          </label>
        );
      })}
      <p className="field-note">{t('fields.unitsLimit', { count: MAX_SUGGESTED_UNITS })}</p>
    </fieldset>
  );
}
