import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookWithSecret } from '../../../shared/api/webhooks';
import { SUBSCRIBABLE_WEBHOOK_EVENTS, type SubscribableWebhookEvent } from '../../../shared/domain/webhooks';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { draftProblem, toggleEvent } from './webhookModel';

/** 推送地址 and the events to send there; the answer's secret goes to the page, to be shown once. */
export function NewWebhookForm({
  isDisabled,
  onCreated,
}: {
  readonly isDisabled: boolean;
  readonly onCreated: (created: WebhookWithSecret) => void;
}): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const id = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<readonly SubscribableWebhookEvent[]>([...SUBSCRIBABLE_WEBHOOK_EVENTS]);
  const [problem, setProblem] = useState<string | null>(null);
  const action = useBusyAction();
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const found = draftProblem({ url, events });
    setProblem(found === null ? null : t(found === 'url' ? 'webhooks.urlInvalid' : 'webhooks.noEvents'));
    if (found !== null) {
      return;
    }
    action.run(
      () => api.createWebhook({ url: url.trim(), events: [...events] }),
      (created) => {
        setUrl('');
        onCreated(created);
      },
    );
  };
  return (
    <form className="webhook-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('webhooks.url')}</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          className="mono"
          value={url}
          placeholder={t('webhooks.urlPlaceholder')}
          onChange={(e) => setUrl(e.target.value)}
        />
      </div>
      <fieldset className="field check-list">
        <legend>{t('webhooks.events')}</legend>
        {SUBSCRIBABLE_WEBHOOK_EVENTS.map((each) => (
          <label key={each} className="check">
            <input
              type="checkbox"
              value={each}
              checked={events.includes(each)}
              onChange={(e) => setEvents(toggleEvent(events, each, e.target.checked))}
            />
            {t(`webhooks.event.${each}`)}
          </label>
        ))}
      </fieldset>
      <FormError message={problem ?? action.error} />
      <button type="submit" className="button is-primary webhook-submit" disabled={isDisabled || action.isBusy}>
        {t('webhooks.add')}
      </button>
    </form>
  );
}
