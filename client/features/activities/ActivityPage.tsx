import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Me } from '../../../shared/api/schemas';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { peopleById } from '../docs/peopleNames';
import { Page } from '../shell/Page';
import { AttendanceList } from './AttendanceList';
import { isManager } from './activityModel';
import { timeRangeParts } from './activityText';
import { CheckInCodePanel } from './CheckInCodePanel';
import { useActivities } from './useActivities';

/**
 * `/activities/:id`: one activity for its organiser (or the secretariat) at the venue, on a phone
 * and offline: the attendance list, ticked and kept on the device until sent, and the check-in
 * code, signed on the device every 30 seconds.
 */
export function ActivityPage({ me, activityId }: { readonly me: Me; readonly activityId: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const state = useActivities();
  const activity = state.activities.find((each) => each.id === activityId) ?? null;
  const people = peopleById(workspace?.people ?? []);
  const back = (
    <Link href="/activities" className="activity-back">
      {t('activities.detail.back')}
    </Link>
  );
  if (activity === null) {
    return (
      <Page title={t('activities.title')} className="activities-page">
        {back}
        <p className="page-notice">{state.isLoaded ? t('activities.detail.notFound') : t('common.loading')}</p>
      </Page>
    );
  }
  return (
    <Page title={activity.title} className="activities-page">
      {back}
      <div className="page-head">
        <h1>{activity.title}</h1>
      </div>
      <p className="activity-meta">
        <span className={`activity-kind is-${activity.kind}`}>{t(`activities.kind.${activity.kind}`)}</span>
        <span>{t('activities.when', timeRangeParts(activity.startsAt, activity.endsAt, i18n.language))}</span>
        <span>{t('activities.place', { place: activity.place })}</span>
      </p>
      {isManager(me, activity) ? (
        <>
          <AttendanceList activity={activity} people={people} />
          <CheckInCodePanel activity={activity} />
        </>
      ) : null}
    </Page>
  );
}
