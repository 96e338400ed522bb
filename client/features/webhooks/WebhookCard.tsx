import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '../../../shared/api/webhooks';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useBusyAction } from '../../ui/useBusyAction';
import { formatTime } from '../docs/formatTime';
import { DeliveryLog } from './DeliveryLog';

export interface WebhookCardProps {
  readonly webhook: Webhook;
  readonly isOnline: boolean;
  /** The webhook changed (paused, resumed): the page loads the list again. */
  readonly onChanged: () => void;
  readonly onRotate: (webhook: Webhook) => void;
  readonly onDelete: (webhook: Webhook) => void;
}

/** One webhook: its address, events and state, its actions and, when opened, its delivery log. */
export function WebhookCard({ webhook, isOnline, onChanged, onRotate, onDelete }: WebhookCardProps): ReactElement {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [isLogOpen, setLogOpen] = useState(false);
  const [round, setRound] = useState(0);
  const action = useBusyAction();
  const sendTest = (): void =>
    action.run(
      () => api.sendWebhookTest(webhook.id),
      () => {
        setLogOpen(true);
        setRound((n) => n + 1);
      },
    );
  const setActive = (isActive: boolean): void =>
    action.run(() => api.updateWebhook(webhook.id, { isActive }), onChanged);
  return (
    <article className="card webhook-card" data-webhook={webhook.url}>
      <div className="webhook-head">
        <p className="webhook-url mono">{webhook.url}</p>
        <span className={`status-tag delivery-badge ${webhook.isActive ? 'is-delivered' : 'is-paused'}`}>
          {t(webhook.isActive ? 'webhooks.active' : 'webhooks.paused')}
        </span>
      </div>
      <p className="webhook-meta">
        {webhook.events.map((each) => t(`webhooks.eventShort.${each}`)).join('、')}
        <span aria-hidden="true"> · </span>
        {t('webhooks.secretSince', { time: formatTime(webhook.secretCreatedAt, Date.now(), i18n.language, t) })}
      </p>
      <div className="webhook-actions">
        <button type="button" className="button is-small is-primary" disabled={!isOnline} onClick={sendTest}>
          {t('webhooks.sendTest')}
        </button>
        <button
          type="button"
          className="button is-small"
          aria-expanded={isLogOpen}
          onClick={() => setLogOpen((open) => !open)}
        >
          {t(isLogOpen ? 'webhooks.hideLog' : 'webhooks.showLog')}
        </button>
        <button
          type="button"
          className="button is-small"
          disabled={!isOnline}
          onClick={() => setActive(!webhook.isActive)}
        >
          {t(webhook.isActive ? 'webhooks.pause' : 'webhooks.resume')}
        </button>
        <button type="button" className="button is-small" disabled={!isOnline} onClick={() => onRotate(webhook)}>
          {t('webhooks.rotate')}
        </button>
        <button
          type="button"
          className="button is-small webhook-delete"
          disabled={!isOnline}
          onClick={() => onDelete(webhook)}
        >
          {t('webhooks.delete')}
        </button>
      </div>
      <FormError message={action.error} />
      {isLogOpen ? <DeliveryLog webhookId={webhook.id} round={round} /> : null}
    </article>
  );
}
