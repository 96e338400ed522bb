import { type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { Me } from '../../../shared/api/schemas';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useStore } from '../../ui/hooks/useStore';
import { useAccount } from '../../ui/services/useServices';
import { TextField } from '../../ui/TextField';
import { Page } from '../shell/Page';
import { type CheckInView, checkInViewOf, codeFromInput } from './activityModel';
import { checkInRefusalText } from './checkInRefusalText';
import { useActivities } from './useActivities';

/** Where the check-in stands, in words: recorded, kept on the device, or refused and why. */
function CheckInStatus({ view, isOnline }: { readonly view: CheckInView; readonly isOnline: boolean }) {
  const { t } = useTranslation();
  switch (view.status) {
    case 'none':
      return null;
    case 'done':
      return (
        <p className="notice is-ok check-in-status" role="status" data-status="done">
          <strong>{t('activities.checkIn.done')}</strong>
          {view.via === 'list' ? ` · ${t('activities.checkIn.doneByList')}` : null}
        </p>
      );
    case 'waiting':
      return (
        <p className="notice is-warning check-in-status" role="status" data-status="waiting">
          {isOnline ? t('activities.checkIn.sending') : t('activities.checkIn.waiting')}
        </p>
      );
    case 'refused':
      return (
        <p className="notice is-error check-in-status" role="alert" data-status="refused">
          {t('activities.checkIn.refused', {
            reason: checkInRefusalText(view.reason, t) ?? view.message,
          })}
        </p>
      );
  }
}

/**
 * `/check-in/:activityId?code=…`: where a phone's camera lands after scanning the organiser's code.
 * The code is kept on the device at once (the outbox) and sent when online, offline too since the
 * app is precached; the page says whether it was accepted, waits, or why it was refused (C1-C3).
 * A code can also be pasted or typed here.
 */
export function CheckInPage({ me, activityId }: { readonly me: Me; readonly activityId: string }): ReactElement {
  const { t } = useTranslation();
  const { activities, outbox } = useAccount();
  const { rows } = useStore(outbox.state);
  const state = useActivities();
  const isOnline = useOnline();
  const scanned = new URLSearchParams(useSearch()).get('code');
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const activity = state.activities.find((each) => each.id === activityId) ?? null;
  const view = checkInViewOf(activityId, activity, rows, me.id);
  const isDone = view.status === 'done';
  const queue = (code: string) => {
    setProblem(null);
    activities.queueCheckIn(activityId, code).catch((err: unknown) => setProblem(errorText(err, t)));
  };
  useEffect(() => {
    // The scanned code is kept once the list is read: a check-in already recorded is not sent again.
    if (scanned !== null && scanned.trim() !== '' && state.isLoaded && !isDone) {
      setProblem(null);
      activities.queueCheckIn(activityId, scanned).catch((err: unknown) => setProblem(errorText(err, t)));
    }
  }, [activities, activityId, scanned, state.isLoaded, isDone, t]);
  return (
    <Page title={t('activities.checkIn.title')} className="activities-page check-in-page">
      <Link href="/activities" className="activity-back">
        {t('activities.detail.back')}
      </Link>
      <div className="page-head">
        <h1>{t('activities.checkIn.title')}</h1>
      </div>
      <p className="section-note">
        {activity === null
          ? t('activities.checkIn.unknownActivity')
          : t('activities.checkIn.activity', { title: activity.title })}
      </p>
      <CheckInStatus view={view} isOnline={isOnline} />
      <FormError message={problem} />
      {view.status === 'done' || view.status === 'waiting' ? null : (
        <form
          className="card check-in-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const code = codeFromInput(typed);
            if (code === '') {
              setProblem(t('activities.checkIn.empty'));
              return;
            }
            queue(code);
          }}
        >
          <TextField
            label={t('activities.checkIn.codeField')}
            hint={t('activities.checkIn.codeHint')}
            value={typed}
            autoComplete="off"
            onChange={(event) => setTyped(event.target.value)}
          />
          <button type="submit" className="button is-primary is-block">
            {view.status === 'refused' ? t('activities.checkIn.tryAgain') : t('activities.checkIn.submit')}
          </button>
        </form>
      )}
    </Page>
  );
}
