import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SESSION_NAME_LENGTH } from '../../../shared/api/handling';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { DeadlineFields, deadlineDraft, draftDeadline } from './DeadlineFields';
import { nameErrorText } from './nameErrorText';

export interface NewSessionFormProps {
  readonly isDisabled: boolean;
  readonly onCreated: () => void;
}

/** 添加届次: a name, the call's deadline and whether new proposals go to it from now on. */
export function NewSessionForm({ isDisabled, onCreated }: NewSessionFormProps): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const [name, setName] = useState('');
  const [deadline, setDeadline] = useState(deadlineDraft(null));
  const [isCurrent, setCurrent] = useState(true);
  const action = useBusyAction(nameErrorText('session', t));
  const callDeadline = draftDeadline(deadline);
  const canSubmit = name.trim() !== '' && callDeadline !== undefined && !isDisabled && !action.isBusy;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (canSubmit) {
      action.run(
        // Unticked, the server still makes the committee's first session the current one.
        () => api.handling.createSession({ name: name.trim(), callDeadline, ...(isCurrent ? { isCurrent } : {}) }),
        () => {
          setName('');
          setDeadline(deadlineDraft(null));
          onCreated();
        },
      );
    }
  };
  return (
    <form className="session-form" onSubmit={submit} aria-label={t('committee.addSession')}>
      <div className="field session-name">
        <label htmlFor="new-session-name">{t('committee.sessionName')}</label>
        <input
          id="new-session-name"
          value={name}
          maxLength={MAX_SESSION_NAME_LENGTH}
          placeholder={t('committee.sessionNamePlaceholder')}
          onChange={(e) => {
            setName(e.target.value);
            action.clearError();
          }}
        />
      </div>
      <DeadlineFields idPrefix="new-session-deadline" draft={deadline} onDraft={setDeadline} />
      <label className="check">
        <input type="checkbox" checked={isCurrent} onChange={(e) => setCurrent(e.target.checked)} />
        {t('committee.makeCurrent')}
      </label>
      <div>
        <button type="submit" className="button is-primary" disabled={!canSubmit}>
          {t('committee.addSession')}
        </button>
      </div>
      <FormError message={action.error} />
    </form>
  );
}
