import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Action, can } from '../../../shared';
import type { Me } from '../../../shared/api/schemas';
import type { Activity } from '../../../shared/domain/activities';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { peopleById } from '../docs/peopleNames';
import { Page } from '../shell/Page';
import { ActivityCard } from './ActivityCard';
import { splitByTime } from './activityModel';
import { NewActivityForm } from './NewActivityForm';
import { useActivities } from './useActivities';

/** Why the list may be old: offline (the device's copy, and since when), or the fetch failed. */
function ListNotice({ error, fetchedAt }: { readonly error: unknown; readonly fetchedAt: number | null }) {
  const { t, i18n } = useTranslation();
  if (error === null) {
    return null;
  }
  if (hasErrorCode(error, ClientErrorCode.network, ClientErrorCode.unauthorized)) {
    return (
      <p className="notice is-warning" role="status">
        {fetchedAt === null
          ? t('activities.cachedNever')
          : t('activities.cachedAt', { time: new Date(fetchedAt).toLocaleString(i18n.language) })}
      </p>
    );
  }
  return <FormError message={errorText(error, t)} />;
}

/**
 * `/activities` (活动): the meetings and activities the person is invited to, organises or (as
 * secretariat or chair) sees, coming and past, with their answer, leave requests to decide and
 * 新建活动 for those `create_activity` allows. Reads offline from the device's copy.
 */
export function ActivitiesPage({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const isOnline = useOnline();
  const state = useActivities();
  const [isCreating, setCreating] = useState(false);
  const groups = workspace?.groups ?? [];
  const people = peopleById(workspace?.people ?? []);
  const organisable = groups.filter((group) => can(me, Action.createActivity, { type: 'group', groupId: group.id }));
  const now = Date.now();
  const { upcoming, past } = splitByTime(state.activities, now);
  const groupName = (activity: Activity) =>
    activity.groupId === null
      ? t('activities.committeeWide')
      : (groups.find((group) => group.id === activity.groupId)?.name ?? t('activities.committeeWide'));
  const cards = (list: readonly Activity[]) => (
    <ul className="activity-list">
      {list.map((activity) => (
        <ActivityCard
          key={activity.id}
          me={me}
          activity={activity}
          groupName={groupName(activity)}
          people={people}
          isOnline={isOnline}
          now={now}
        />
      ))}
    </ul>
  );
  return (
    <Page title={t('activities.title')} className="activities-page">
      <div className="page-head">
        <h1>{t('activities.title')}</h1>
        {organisable.length > 0 && !isCreating ? (
          <button type="button" className="button is-primary" onClick={() => setCreating(true)}>
            {t('activities.create.open')}
          </button>
        ) : null}
      </div>
      <p className="section-note">{t('activities.lead')}</p>
      <ListNotice error={state.refreshError} fetchedAt={state.fetchedAt} />
      {isOnline ? null : <p className="notice is-info">{t('activities.needsOnline')}</p>}
      {isCreating ? (
        <NewActivityForm
          groups={organisable}
          isOnline={isOnline}
          onCreated={() => setCreating(false)}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      <section aria-labelledby="activities-upcoming">
        <h2 id="activities-upcoming" className="activity-section-title">
          {t('activities.upcoming')} <span className="count-badge">{upcoming.length}</span>
        </h2>
        {state.isLoaded && upcoming.length === 0 ? <p className="empty-note">{t('activities.noUpcoming')}</p> : null}
        {cards(upcoming)}
      </section>
      <section aria-labelledby="activities-past">
        <h2 id="activities-past" className="activity-section-title">
          {t('activities.past')} <span className="count-badge">{past.length}</span>
        </h2>
        {state.isLoaded && past.length === 0 ? <p className="empty-note">{t('activities.noPast')}</p> : null}
        {cards(past)}
      </section>
    </Page>
  );
}
