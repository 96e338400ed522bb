import { type ReactElement, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CommitteeSession, MAX_SESSION_NAME_LENGTH } from '../../../shared/api/handling';
import { DataTableHead } from '../../ui/DataTableHead';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { NameDialog } from '../../ui/NameDialog';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { useBusyAction } from '../../ui/useBusyAction';
import { formatDeadline } from './committeeTime';
import { DeadlineDialog } from './DeadlineDialog';
import { NewSessionForm } from './NewSessionForm';
import { nameErrorText } from './nameErrorText';

interface SessionRowProps {
  readonly session: CommitteeSession;
  readonly canChange: boolean;
  readonly onRename: (session: CommitteeSession) => void;
  readonly onDeadline: (session: CommitteeSession) => void;
  readonly onMakeCurrent: (session: CommitteeSession) => void;
}

function SessionRow({ session, canChange, ...on }: SessionRowProps): ReactElement {
  const { t, i18n } = useTranslation();
  return (
    <tr data-session={session.name}>
      <td className="cell-name">
        {session.name}
        {session.isCurrent ? <span className="current-badge">{t('committee.current')}</span> : null}
      </td>
      <td className="cell-deadline">
        {session.callDeadline === null
          ? t('committee.noDeadline')
          : formatDeadline(session.callDeadline, i18n.language, { withYear: true })}
      </td>
      <td className="cell-actions">
        {canChange ? (
          <>
            <button type="button" className="button is-small" onClick={() => on.onRename(session)}>
              {t('committee.rename')}
            </button>
            <button type="button" className="button is-small" onClick={() => on.onDeadline(session)}>
              {t('committee.changeDeadline')}
            </button>
            {session.isCurrent ? null : (
              <button type="button" className="button is-small" onClick={() => on.onMakeCurrent(session)}>
                {t('committee.setCurrent')}
              </button>
            )}
          </>
        ) : null}
      </td>
    </tr>
  );
}

/** 届次会议: add one, rename, change the call's deadline, make one current. */
export function SessionsSection({ isOnline }: { readonly isOnline: boolean }): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const sessions = useApiData(useCallback(() => api.handling.listSessions(), [api]));
  const [renaming, setRenaming] = useState<CommitteeSession | null>(null);
  const [deadlineOf, setDeadlineOf] = useState<CommitteeSession | null>(null);
  const making = useBusyAction();
  const list = sessions.status === 'ready' ? sessions.value : [];
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('committee.sessionsTitle')}</h2>
      <NewSessionForm isDisabled={!isOnline} onCreated={sessions.reload} />
      <FormError message={sessions.status === 'failed' ? errorText(sessions.error, t) : making.error} />
      {sessions.status === 'ready' && list.length === 0 ? (
        <p className="empty-note">{t('committee.sessionsEmpty')}</p>
      ) : null}
      {list.length > 0 ? (
        <table className="data-table sessions-table">
          <DataTableHead columns={[t('committee.colSession'), t('committee.colDeadline')]} hasActions />
          <tbody>
            {list.map((session) => (
              <SessionRow
                key={session.id}
                session={session}
                canChange={isOnline}
                onRename={setRenaming}
                onDeadline={setDeadlineOf}
                onMakeCurrent={(chosen) =>
                  making.run(() => api.handling.updateSession(chosen.id, { isCurrent: true }), sessions.reload)
                }
              />
            ))}
          </tbody>
        </table>
      ) : null}
      <NameDialog
        isOpen={renaming !== null}
        title={t('committee.renameSession')}
        label={t('committee.sessionName')}
        initial={renaming?.name ?? ''}
        maxLength={MAX_SESSION_NAME_LENGTH}
        toErrorText={nameErrorText('session', t)}
        onSubmit={async (name) => {
          if (renaming !== null) {
            await api.handling.updateSession(renaming.id, { name });
            sessions.reload();
          }
        }}
        onClose={() => setRenaming(null)}
      />
      <DeadlineDialog
        session={deadlineOf}
        onSave={async (session, callDeadline) => {
          await api.handling.updateSession(session.id, { callDeadline });
          sessions.reload();
        }}
        onClose={() => setDeadlineOf(null)}
      />
    </section>
  );
}
