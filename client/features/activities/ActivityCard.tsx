import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Me, Person } from '../../../shared/api/schemas';
import { type Activity, checkInWindow } from '../../../shared/domain/activities';
import type { UserId } from '../../../shared/domain/ids';
import { FormError } from '../../ui/FormError';
import { useAccount } from '../../ui/services/useServices';
import { TextField } from '../../ui/TextField';
import { useBusyAction } from '../../ui/useBusyAction';
import { nameOf } from '../docs/peopleNames';
import { isManager, leaveReasonProblem, pendingLeaves, responseOf } from './activityModel';
import { timeRangeParts } from './activityText';

export interface ActivityCardProps {
  readonly me: Me;
  readonly activity: Activity;
  readonly groupName: string;
  readonly people: ReadonlyMap<UserId, Person>;
  readonly isOnline: boolean;
  readonly now: number;
}

function answerKey(activity: Activity, me: Me) {
  const response = responseOf(activity, me.id);
  if (response === null) {
    return 'none' as const;
  }
  if (response.answer === 'attend') {
    return 'attend' as const;
  }
  return response.leave === 'approved'
    ? 'leaveApproved'
    : response.leave === 'refused'
      ? 'leaveRefused'
      : 'leavePending';
}

/** Whether members may check in now: from an hour before the start to an hour after the end (C3). */
function isCheckInOpen(activity: Activity, now: number): boolean {
  const window = checkInWindow(activity);
  return now >= window.opensAt && now <= window.closesAt;
}

/** 参加 or 请假 (with its reason, checked here before the server checks it again). */
function AnswerActions({ activity, isOnline }: { readonly activity: Activity; readonly isOnline: boolean }) {
  const { t } = useTranslation();
  const { activities } = useAccount();
  const action = useBusyAction();
  const [isAsking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const sendLeave = () => {
    const found = leaveReasonProblem(reason);
    if (found !== null) {
      setProblem(t(`activities.leaveProblem.${found}`));
      return;
    }
    setProblem(null);
    action.run(
      () => activities.respond(activity.id, { answer: 'leave', reason: reason.trim() }),
      () => setAsking(false),
    );
  };
  return (
    <div className="activity-answer">
      <div className="activity-buttons">
        <button
          type="button"
          className="button is-primary"
          disabled={!isOnline || action.isBusy}
          onClick={() =>
            action.run(
              () => activities.respond(activity.id, { answer: 'attend' }),
              () => {},
            )
          }
        >
          {t('activities.attend')}
        </button>
        <button type="button" className="button" disabled={!isOnline} onClick={() => setAsking(!isAsking)}>
          {t('activities.askLeave')}
        </button>
      </div>
      {isAsking ? (
        <form
          className="activity-leave-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            sendLeave();
          }}
        >
          <TextField
            label={t('activities.leaveReason')}
            hint={t('activities.leaveReasonHint')}
            error={problem}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          <button type="submit" className="button" disabled={!isOnline || action.isBusy}>
            {t('activities.sendLeave')}
          </button>
        </form>
      ) : null}
      <FormError message={action.error} />
    </div>
  );
}

/** The leave requests the organiser (or the secretariat) approves or refuses (V2). */
function LeaveDecisions(props: {
  readonly activity: Activity;
  readonly people: ReadonlyMap<UserId, Person>;
  readonly isOnline: boolean;
}) {
  const { t } = useTranslation();
  const { activities } = useAccount();
  const action = useBusyAction();
  const waiting = pendingLeaves(props.activity);
  if (waiting.length === 0) {
    return null;
  }
  return (
    <div className="activity-leaves">
      <p className="activity-leaves-title">{t('activities.pendingLeaves', { count: waiting.length })}</p>
      <ul>
        {waiting.map((response) => (
          <li key={response.userId}>
            <span>
              {t('activities.leaveBy', { name: nameOf(response.userId, props.people, t), reason: response.reason })}
            </span>
            {[true, false].map((approve) => (
              <button
                key={String(approve)}
                type="button"
                className={approve ? 'button is-small is-primary' : 'button is-small'}
                disabled={!props.isOnline || action.isBusy}
                onClick={() =>
                  action.run(
                    () => activities.decideLeave(props.activity.id, response.userId, approve),
                    () => {},
                  )
                }
              >
                {approve ? t('activities.approve') : t('activities.refuse')}
              </button>
            ))}
          </li>
        ))}
      </ul>
      <FormError message={action.error} />
    </div>
  );
}

/** One activity in the list: what, when, where, who organises it, my answer, and what I may do. */
export function ActivityCard({ me, activity, groupName, people, isOnline, now }: ActivityCardProps): ReactElement {
  const { t, i18n } = useTranslation();
  const isInvited = activity.inviteeIds.includes(me.id);
  const isOver = activity.endsAt < now;
  const manages = isManager(me, activity);
  // The organiser ticks themselves on the list; an invitee checks in by code while it is open.
  const canCheckIn = isInvited && !manages && isCheckInOpen(activity, now);
  return (
    <li className="card activity-card" data-activity={activity.id}>
      <div className="activity-head">
        <span className={`activity-kind is-${activity.kind}`}>{t(`activities.kind.${activity.kind}`)}</span>
        <h3>{activity.title}</h3>
      </div>
      <p className="activity-when">
        {t('activities.when', timeRangeParts(activity.startsAt, activity.endsAt, i18n.language))}
      </p>
      <p className="activity-meta">
        <span>{t('activities.place', { place: activity.place })}</span>
        <span>{t('activities.organiser', { group: groupName })}</span>
        <span>{t('activities.invitees', { count: activity.inviteeIds.length })}</span>
      </p>
      {isInvited ? (
        <p className={`activity-my-answer is-${answerKey(activity, me)}`}>
          {t(`activities.answer.${answerKey(activity, me)}`)}
        </p>
      ) : null}
      {isInvited && !isOver ? <AnswerActions activity={activity} isOnline={isOnline} /> : null}
      {manages ? <LeaveDecisions activity={activity} people={people} isOnline={isOnline} /> : null}
      {canCheckIn || manages ? (
        <div className="activity-buttons">
          {canCheckIn ? (
            <Link href={`/check-in/${activity.id}`} className="button">
              {t('activities.checkIn.open')}
            </Link>
          ) : null}
          {manages ? (
            <Link href={`/activities/${activity.id}`} className="button">
              {t('activities.openList')}
            </Link>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
