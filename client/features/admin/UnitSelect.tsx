import type { ReactElement } from 'react';
import type { Unit } from '../../../shared/api/handling';
import type { UnitId } from '../../../shared/domain/ids';

export interface UnitSelectProps {
  /** Id of the select, unique on the page. */
  readonly id: string;
  readonly label: string;
  /** The active units; a deactivated one takes no new accounts. */
  readonly units: readonly Unit[];
  readonly unitId: UnitId | null;
  readonly onUnitId: (id: UnitId) => void;
  /** Said instead of the select when there is no active unit. */
  readonly emptyNote: string;
}

/** The handling unit an account is for (承办单位), as inviting one asks it. */
export function UnitSelect(props: UnitSelectProps): ReactElement {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.units.length === 0 ? (
        <small>{props.emptyNote}</small>
      ) : (
        <select
          id={props.id}
          value={props.unitId ?? ''}
          onChange={(e) => {
            const chosen = props.units.find((unit) => unit.id === e.target.value);
            if (chosen !== undefined) {
              props.onUnitId(chosen.id);
            }
          }}
        >
          {props.units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
