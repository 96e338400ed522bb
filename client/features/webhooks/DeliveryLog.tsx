import { type ReactElement, useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookDelivery } from '../../../shared/api/webhooks';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { useBusyAction } from '../../ui/useBusyAction';
import { formatTime } from '../docs/formatTime';
import { deliveryTone, hasPending } from './webhookModel';

/** While something is still to be sent, the log looks again this often. */
const PENDING_REFRESH_MS = 2_000;

function DeliveryRow({
  delivery,
  onRedeliver,
}: {
  readonly delivery: WebhookDelivery;
  readonly onRedeliver: (delivery: WebhookDelivery) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const when = (ms: number): string => formatTime(ms, Date.now(), i18n.language, t);
  const tone = deliveryTone(delivery);
  const hasAttempted = delivery.lastAttemptAt !== null;
  return (
    <li className="delivery" data-delivery={delivery.id} data-status={delivery.status}>
      <div className="delivery-head">
        <span className={`status-tag delivery-badge is-${tone}`}>{t(`webhooks.status.${tone}`)}</span>
        <span className="delivery-event">{t(`webhooks.eventShort.${delivery.event}`)}</span>
        <time className="delivery-time" dateTime={new Date(delivery.createdAt).toISOString()}>
          {when(delivery.createdAt)}
        </time>
      </div>
      <div className="delivery-facts">
        {hasAttempted ? <span>{t('webhooks.attempts', { count: delivery.attempts })}</span> : null}
        {hasAttempted ? (
          <span>
            {delivery.lastResponseCode === null
              ? t('webhooks.noResponse')
              : t('webhooks.response', { code: delivery.lastResponseCode })}
          </span>
        ) : null}
        {tone === 'retrying' && delivery.nextAttemptAt !== null ? (
          <span>{t('webhooks.nextAttempt', { time: when(delivery.nextAttemptAt) })}</span>
        ) : null}
        {delivery.status === 'failed' ? (
          <button type="button" className="button is-small" onClick={() => onRedeliver(delivery)}>
            {t('webhooks.redeliver')}
          </button>
        ) : null}
      </div>
      {delivery.lastError === null ? null : <p className="delivery-error mono">{delivery.lastError}</p>}
    </li>
  );
}

/** 推送记录: a webhook's newest deliveries, looked at again while any is still to be sent. */
export function DeliveryLog({
  webhookId,
  round,
}: {
  readonly webhookId: string;
  readonly round: number;
}): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const deliveries = useApiData(useCallback(() => api.listWebhookDeliveries(webhookId), [api, webhookId]));
  const redeliver = useBusyAction();
  const { reload } = deliveries;
  const isWaiting = deliveries.status === 'ready' && hasPending(deliveries.value);
  useEffect(() => {
    // `round` grows when the card sent something (a test): look now. The first load is useApiData's.
    if (round > 0) {
      reload();
    }
  }, [round, reload]);
  useEffect(() => {
    if (!isWaiting) {
      return undefined;
    }
    const timer = setTimeout(reload, PENDING_REFRESH_MS);
    return () => clearTimeout(timer);
  });
  return (
    <section className="delivery-log" aria-label={t('webhooks.log')}>
      <div className="delivery-log-head">
        <h3>{t('webhooks.log')}</h3>
        <button type="button" className="button is-small is-quiet" onClick={reload}>
          {t('webhooks.refresh')}
        </button>
      </div>
      <FormError message={deliveries.status === 'failed' ? errorText(deliveries.error, t) : redeliver.error} />
      {deliveries.status === 'ready' && deliveries.value.length === 0 ? (
        <p className="empty-note">{t('webhooks.logEmpty')}</p>
      ) : null}
      {deliveries.status === 'ready' && deliveries.value.length > 0 ? (
        <ul className="delivery-list">
          {deliveries.value.map((delivery) => (
            <DeliveryRow
              key={delivery.id}
              delivery={delivery}
              onRedeliver={(chosen) => redeliver.run(() => api.redeliverWebhook(webhookId, chosen.id), reload)}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
