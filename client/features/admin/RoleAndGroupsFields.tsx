import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type GroupId, ROLES, Role } from '../../../shared';
import type { Group } from '../../../shared/api/schemas';

export interface RoleAndGroupsFieldsProps {
  /** Prefix of the role select's id, unique on the page. */
  readonly idPrefix: string;
  readonly role: Role;
  readonly onRole: (role: Role) => void;
  /** False shows the role without letting it change (one's own). */
  readonly canChangeRole?: boolean;
  readonly groups: readonly Group[];
  readonly groupIds: readonly GroupId[];
  readonly onGroupIds: (ids: readonly GroupId[]) => void;
  readonly labels: { readonly role: string; readonly groups: string; readonly noGroups: string };
  /**
   * The handling unit to choose, shown instead of the groups while the role is 承办单位. Without it
   * that role is not offered (a unit's account is made only by an invitation that names its unit).
   */
  readonly unitField?: ReactNode;
}

/** The role to give a person and the groups to put them in, as inviting and editing ask them. */
export function RoleAndGroupsFields(props: RoleAndGroupsFieldsProps): ReactElement {
  const { t } = useTranslation();
  const { groups, groupIds, labels, unitField } = props;
  const roles = ROLES.filter((each) => each !== Role.unit || unitField !== undefined || each === props.role);
  const toggle = (id: GroupId, isChecked: boolean): void =>
    props.onGroupIds(isChecked ? [...groupIds, id] : groupIds.filter((each) => each !== id));
  return (
    <>
      <div className="field">
        <label htmlFor={`${props.idPrefix}-role`}>{labels.role}</label>
        <select
          id={`${props.idPrefix}-role`}
          value={props.role}
          disabled={props.canChangeRole === false}
          onChange={(e) => props.onRole(e.target.value as Role)}
        >
          {roles.map((each) => (
            <option key={each} value={each}>
              {t(`role.${each}`)}
            </option>
          ))}
        </select>
      </div>
      {props.role === Role.unit ? (
        (unitField ?? null)
      ) : (
        <fieldset className="field check-list">
          <legend>{labels.groups}</legend>
          {groups.length === 0 ? <small>{labels.noGroups}</small> : null}
          {groups.map((group) => (
            <label key={group.id} className="check">
              <input
                type="checkbox"
                checked={groupIds.includes(group.id)}
                onChange={(e) => toggle(group.id, e.target.checked)}
              />
              {group.name}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
