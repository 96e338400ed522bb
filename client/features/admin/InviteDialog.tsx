import { type FormEvent, type ReactElement, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GroupId, Role } from '../../../shared';
import type { Group } from '../../../shared/api/schemas';
import type { UnitId } from '../../../shared/domain/ids';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { useBusyAction } from '../../ui/useBusyAction';
import { RoleAndGroupsFields } from './RoleAndGroupsFields';
import { UnitSelect } from './UnitSelect';

export interface InviteDialogProps {
  readonly groups: readonly Group[];
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

interface Created {
  readonly url: string;
  readonly expiresAt: number;
  /** "身份：委员　小组：城东片区小组", so the secretariat sees whom the link is for. */
  readonly summary: string;
}

/** The server's link may be a path; the person receiving it needs the whole address. */
function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).toString();
}

/**
 * A link that invites one person with a role into groups, or an account for a handling unit
 * (承办单位, no groups); shown once, with a copy button.
 */
export function InviteDialog({ groups, isOpen, onClose }: InviteDialogProps): ReactElement {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [role, setRole] = useState<Role>('member');
  const [groupIds, setGroupIds] = useState<readonly GroupId[]>([]);
  const units = useApiData(useCallback(() => api.handling.listUnits(), [api]));
  const activeUnits = units.status === 'ready' ? units.value.filter((unit) => unit.isActive) : [];
  const [chosenUnitId, setUnitId] = useState<UnitId | null>(null);
  const unit = activeUnits.find((each) => each.id === chosenUnitId) ?? activeUnits[0] ?? null;
  const isUnit = role === Role.unit;
  const reloadUnits = units.reload;
  useEffect(() => {
    if (isOpen) {
      reloadUnits();
    }
  }, [isOpen, reloadUnits]);
  const [created, setCreated] = useState<Created | null>(null);
  const action = useBusyAction();
  const reset = (): void => {
    setCreated(null);
    action.clearError();
    setGroupIds([]);
    setRole('member');
    setUnitId(null);
  };
  const close = (): void => {
    reset();
    onClose();
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (isUnit && unit === null) {
      return;
    }
    action.run(
      () =>
        api.createInvitation(
          isUnit && unit !== null ? { role, groupIds: [], unitId: unit.id } : { role, groupIds: [...groupIds] },
        ),
      (answer) => {
        const names = groups.filter((group) => groupIds.includes(group.id)).map((group) => group.name);
        const roleName = t(`role.${role}`);
        const summary = isUnit
          ? t('admin.inviteForUnit', { unit: unit?.name ?? '' })
          : names.length === 0
            ? t('admin.inviteForNoGroups', { role: roleName })
            : t('admin.inviteFor', { role: roleName, groups: names.join(t('common.listSeparator')) });
        setCreated({ url: absoluteUrl(answer.url), expiresAt: answer.invitation.expiresAt, summary });
      },
    );
  };
  if (created !== null) {
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(
      created.expiresAt,
    );
    return (
      <Dialog isOpen={isOpen} onClose={close} title={t('admin.inviteTitle')}>
        <p className="dialog-prompt">{created.summary}</p>
        <div className="field">
          <label htmlFor="invite-link">{t('admin.inviteLink')}</label>
          <div className="copy-row">
            <input id="invite-link" className="mono" readOnly value={created.url} onFocus={(e) => e.target.select()} />
            <CopyButton text={created.url} className="button is-primary" />
          </div>
          <small>{t('admin.inviteHint', { date })}</small>
        </div>
        <DialogActions
          cancelLabel={t('admin.inviteAnother')}
          onCancel={reset}
          confirmLabel={t('common.close')}
          onConfirm={close}
        />
      </Dialog>
    );
  }
  return (
    <Dialog isOpen={isOpen} onClose={close} title={t('admin.inviteTitle')}>
      <form onSubmit={onSubmit}>
        <RoleAndGroupsFields
          idPrefix="invite"
          role={role}
          onRole={setRole}
          groups={groups}
          groupIds={groupIds}
          onGroupIds={setGroupIds}
          labels={{ role: t('admin.inviteRole'), groups: t('admin.inviteGroups'), noGroups: t('admin.inviteNoGroups') }}
          unitField={
            <UnitSelect
              id="invite-unit"
              label={t('admin.inviteUnit')}
              units={activeUnits}
              unitId={unit?.id ?? null}
              onUnitId={setUnitId}
              emptyNote={t('admin.inviteNoUnits')}
            />
          }
        />
        <FormError message={action.error ?? (units.status === 'failed' && isUnit ? errorText(units.error, t) : null)} />
        <DialogActions
          confirmLabel={t('admin.inviteCreate')}
          onCancel={close}
          isDisabled={action.isBusy || (isUnit && unit === null)}
        />
      </form>
    </Dialog>
  );
}
