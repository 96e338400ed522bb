import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { committeeMoment, committeeWallTime } from './committeeTime';

/** A deadline being typed: a date (empty for none) and a time, both on the committee's clock. */
export interface DeadlineDraft {
  readonly date: string;
  readonly time: string;
}

/** The time a new deadline starts at: the end of an office day. */
const DEFAULT_DEADLINE_TIME = '17:00';

export function deadlineDraft(deadline: number | null): DeadlineDraft {
  return deadline === null ? { date: '', time: DEFAULT_DEADLINE_TIME } : committeeWallTime(deadline);
}

/** The deadline a draft means: null for none, undefined when the time is missing or unreadable. */
export function draftDeadline(draft: DeadlineDraft): number | null | undefined {
  return draft.date === '' ? null : (committeeMoment(draft) ?? undefined);
}

export interface DeadlineFieldsProps {
  /** Prefix of the inputs' ids, unique on the page. */
  readonly idPrefix: string;
  readonly draft: DeadlineDraft;
  readonly onDraft: (draft: DeadlineDraft) => void;
}

/** 征集截止: a date input and a time input, in Beijing time whatever the device's zone. */
export function DeadlineFields({ idPrefix, draft, onDraft }: DeadlineFieldsProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="deadline-fields">
      <div className="field">
        <label htmlFor={`${idPrefix}-date`}>{t('committee.deadlineDate')}</label>
        <input
          id={`${idPrefix}-date`}
          type="date"
          value={draft.date}
          aria-describedby={`${idPrefix}-hint`}
          onChange={(e) => onDraft({ ...draft, date: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-time`}>{t('committee.deadlineTime')}</label>
        <input
          id={`${idPrefix}-time`}
          type="time"
          value={draft.time}
          required={draft.date !== ''}
          onChange={(e) => onDraft({ ...draft, time: e.target.value })}
        />
      </div>
      <small id={`${idPrefix}-hint`} className="deadline-hint">
        {t('committee.deadlineHint')}
      </small>
    </div>
  );
}
