import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../shared/api/schemas';
import type { Activity } from '../../../shared/domain/activities';
import { ActivityKind } from '../../../shared/domain/dutyScoring';
import { FormError } from '../../ui/FormError';
import { useAccount } from '../../ui/services/useServices';
import { TextField } from '../../ui/TextField';
import { useBusyAction } from '../../ui/useBusyAction';
import { committeeWallTime } from '../committee/committeeTime';
import {
  ACTIVITY_KINDS,
  checkNewActivity,
  type NewActivityField,
  type NewActivityProblem,
  type NewActivityValues,
} from './newActivityForm';

export interface NewActivityFormProps {
  /** The groups the person may organise an activity for (`create_activity`). */
  readonly groups: readonly Group[];
  readonly isOnline: boolean;
  readonly onCreated: (activity: Activity) => void;
  readonly onCancel: () => void;
}

const HOUR_MS = 3_600_000;

function initialValues(groups: readonly Group[]): NewActivityValues {
  // Tomorrow morning at nine, two hours, on the committee's clock.
  const tomorrow = committeeWallTime(Date.now() + 24 * HOUR_MS);
  return {
    kind: ActivityKind.group,
    title: '',
    place: '',
    startDate: tomorrow.date,
    startTime: '09:00',
    endDate: tomorrow.date,
    endTime: '11:00',
    groupId: groups[0]?.id ?? null,
  };
}

/** 新建活动: kind, title, place, start and end on the committee's clock, and the organising group. */
export function NewActivityForm({ groups, isOnline, onCreated, onCancel }: NewActivityFormProps): ReactElement {
  const { t } = useTranslation();
  const { activities } = useAccount();
  const action = useBusyAction();
  const ids = { kind: useId(), group: useId() };
  const [values, setValues] = useState(() => initialValues(groups));
  const [problems, setProblems] = useState<Partial<Record<NewActivityField, NewActivityProblem>>>({});
  const set = (change: Partial<NewActivityValues>) => setValues((current) => ({ ...current, ...change }));
  const problemText = (field: NewActivityField) => {
    const problem = problems[field];
    return problem === undefined ? null : t(`activities.create.problem.${problem}`);
  };
  const submit = () => {
    const checked = checkNewActivity(values);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    action.run(() => activities.create(checked.request), onCreated);
  };
  return (
    <form
      className="card activity-form"
      aria-label={t('activities.create.title')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2>{t('activities.create.title')}</h2>
      <div className="field">
        <label htmlFor={ids.kind}>{t('activities.create.kind')}</label>
        <select
          id={ids.kind}
          value={values.kind}
          onChange={(event) => set({ kind: event.target.value as ActivityKind })}
        >
          {ACTIVITY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`activities.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label={t('activities.create.name')}
        value={values.title}
        error={problemText('title')}
        onChange={(event) => set({ title: event.target.value })}
      />
      <TextField
        label={t('activities.create.place')}
        value={values.place}
        error={problemText('place')}
        onChange={(event) => set({ place: event.target.value })}
      />
      <div className="activity-form-times">
        <TextField
          label={t('activities.create.startDate')}
          type="date"
          value={values.startDate}
          error={problemText('start')}
          onChange={(event) => set({ startDate: event.target.value, endDate: event.target.value })}
        />
        <TextField
          label={t('activities.create.startTime')}
          type="time"
          value={values.startTime}
          onChange={(event) => set({ startTime: event.target.value })}
        />
        <TextField
          label={t('activities.create.endDate')}
          type="date"
          value={values.endDate}
          error={problemText('end')}
          onChange={(event) => set({ endDate: event.target.value })}
        />
        <TextField
          label={t('activities.create.endTime')}
          type="time"
          value={values.endTime}
          onChange={(event) => set({ endTime: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.group}>{t('activities.create.group')}</label>
        <select
          id={ids.group}
          value={values.groupId ?? ''}
          aria-invalid={problems.groupId === undefined ? undefined : true}
          onChange={(event) => set({ groupId: groups.find((group) => group.id === event.target.value)?.id ?? null })}
        >
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
        {problemText('groupId') === null ? null : <small className="is-error">{problemText('groupId')}</small>}
      </div>
      <FormError message={action.error} />
      <div className="activity-buttons">
        <button type="submit" className="button is-primary" disabled={!isOnline || action.isBusy}>
          {t('activities.create.submit')}
        </button>
        <button type="button" className="button is-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
