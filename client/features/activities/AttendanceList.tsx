import { type ReactElement, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/api/schemas';
import type { Activity } from '../../../shared/domain/activities';
import type { UserId } from '../../../shared/domain/ids';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useStore } from '../../ui/hooks/useStore';
import { useAccount } from '../../ui/services/useServices';
import { nameOf } from '../docs/peopleNames';
import { attendanceViewOf, type ListStatus, toggledList } from './activityModel';

const STATUS_CLASS: { readonly [S in ListStatus]: string } = {
  none: 'is-info',
  waiting: 'is-warning',
  sent: 'is-ok',
  refused: 'is-error',
};

/**
 * 到会名单: the organiser ticks who came, on a phone at the venue. Each tick is kept on the device at
 * once (the outbox's list of the activity, a newer one replacing the queued one) and sent when
 * online; the line under the title says which of the two it is (V3).
 */
export function AttendanceList(props: {
  readonly activity: Activity;
  readonly people: ReadonlyMap<UserId, Person>;
}): ReactElement {
  const { activity, people } = props;
  const { t } = useTranslation();
  const { activities, outbox } = useAccount();
  const { rows } = useStore(outbox.state);
  const view = attendanceViewOf(activity, rows);
  // The ticks made here, ahead of the outbox's write: quick taps each build on the last one.
  const [draft, setDraft] = useState<ReadonlySet<UserId> | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [error, setError] = useState<string | null>(null);
  const ticked = new Set([...(draft ?? view.ticked), ...view.byCode]);
  const approvedLeave = new Set(activity.responses.filter((r) => r.leave === 'approved').map((r) => r.userId));
  const toggle = (userId: UserId) => {
    const next = toggledList(activity, ticked, userId);
    setDraft(new Set(next));
    setError(null);
    queue.current = queue.current
      .then(() => activities.queueAttendance(activity.id, next))
      .catch((err: unknown) => setError(errorText(err, t)));
  };
  return (
    <section className="card attendance" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('activities.detail.attendance')}</h2>
      <p className="section-note">{t('activities.detail.attendanceLead')}</p>
      <p className={`notice attendance-status ${STATUS_CLASS[view.status]}`} role="status" data-status={view.status}>
        {t(`activities.detail.status.${view.status}`, { reason: view.refusal ?? '' })}
      </p>
      {view.status === 'refused' && view.rowId !== null ? (
        <div className="activity-buttons">
          <button type="button" className="button is-small" onClick={() => void outbox.retry(view.rowId ?? '')}>
            {t('common.retry')}
          </button>
          <button
            type="button"
            className="button is-small is-quiet"
            onClick={() => void outbox.dismiss(view.rowId ?? '')}
          >
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}
      <p className="attendance-summary">
        {t('activities.detail.summary', { attended: ticked.size, total: activity.inviteeIds.length })}
      </p>
      <ul className="attendance-list">
        {activity.inviteeIds.map((userId) => {
          const isByCode = view.byCode.has(userId);
          return (
            <li key={userId}>
              <label className={ticked.has(userId) ? 'attendance-row is-ticked' : 'attendance-row'}>
                <input
                  type="checkbox"
                  checked={ticked.has(userId)}
                  disabled={isByCode}
                  onChange={() => toggle(userId)}
                />
                <span className="attendance-name">{nameOf(userId, people, t)}</span>
                {isByCode ? <span className="attendance-note">{t('activities.detail.byCode')}</span> : null}
                {!isByCode && approvedLeave.has(userId) ? (
                  <span className="attendance-note">{t('activities.detail.leaveApproved')}</span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
      <FormError message={error} />
    </section>
  );
}
