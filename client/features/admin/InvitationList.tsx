import { type ReactElement, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupId } from '../../../shared';
import type { Invitation } from '../../../shared/api/schemas';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTableHead } from '../../ui/DataTableHead';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';

export interface InvitationListProps {
  readonly groupNames: ReadonlyMap<GroupId, string>;
}

/**
 * The invitation links not used yet (with their groups, or a unit account's unit), each of which
 * the secretariat may revoke. The page gives it
 * a new `key` after making an invitation, so that it lists the new one.
 */
export function InvitationList({ groupNames }: InvitationListProps): ReactElement {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const invitations = useApiData(useCallback(() => api.listInvitations(), [api]));
  const units = useApiData(useCallback(() => api.handling.listUnits(), [api]));
  const unitNames = new Map(units.status === 'ready' ? units.value.map((unit) => [unit.id, unit.name]) : []);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const date = (ms: number): string =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  const list = invitations.status === 'ready' ? invitations.value : [];
  return (
    <section className="card" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('accounts.invitationsTitle')}</h2>
      <FormError message={invitations.status === 'failed' ? errorText(invitations.error, t) : null} />
      {invitations.status === 'ready' && list.length === 0 ? (
        <p className="empty-note">{t('accounts.invitationsEmpty')}</p>
      ) : null}
      {list.length > 0 ? (
        <table className="data-table invitations-table">
          <DataTableHead
            columns={[
              t('accounts.colRole'),
              t('accounts.colGroups'),
              t('accounts.colCreated'),
              t('accounts.colExpires'),
            ]}
            hasActions
          />
          <tbody>
            {list.map((invitation) => (
              <tr key={invitation.id} data-invitation={invitation.id}>
                <td>{t(`role.${invitation.role}`)}</td>
                <td>
                  {invitation.unitId === null
                    ? invitation.groupIds
                        .map((id) => groupNames.get(id) ?? '')
                        .filter(Boolean)
                        .join(t('common.listSeparator'))
                    : (unitNames.get(invitation.unitId) ?? '')}
                </td>
                <td>{date(invitation.createdAt)}</td>
                <td>{date(invitation.expiresAt)}</td>
                <td className="cell-actions">
                  <button type="button" className="button is-small" onClick={() => setRevoking(invitation)}>
                    {t('accounts.revokeInvitation')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <ConfirmDialog
        title={t('accounts.revokeInvitation')}
        message={revoking === null ? null : t('accounts.revokeInvitationConfirm')}
        confirmLabel={t('accounts.revokeInvitation')}
        onConfirm={async () => {
          if (revoking !== null) {
            await api.revokeInvitation(revoking.id);
            invitations.reload();
          }
        }}
        onClose={() => setRevoking(null)}
      />
    </section>
  );
}
