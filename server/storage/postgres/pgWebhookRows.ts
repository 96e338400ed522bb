import {
  DELIVERY_COLUMNS,
  newDeliveryValues,
  takesEvent,
  toWebhookRecord,
  WEBHOOK_COLUMNS,
  type WebhookRow,
} from '../rows/webhookRows';
import type { OutgoingWebhookEvent } from '../WebhookStore';
import type { PgQueries } from './pgQueries';

/**
 * The one SQL that stores webhook deliveries on PostgreSQL, run by `PgWebhookStore` and, inside a
 * transition's own transaction, by `PgReviewStore`, so an event is stored with what caused it.
 * Stores one pending delivery for each webhook that takes the event; resolves with their ids.
 */
export async function enqueueWebhookEvent(
  q: PgQueries,
  outgoing: OutgoingWebhookEvent,
  only?: string,
): Promise<string[]> {
  const rows = await q.all<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`);
  const ids: string[] = [];
  for (const webhook of rows.map(toWebhookRecord)) {
    if (!takesEvent(webhook, outgoing.event, only)) {
      continue;
    }
    const values = newDeliveryValues(webhook.id, outgoing);
    await q.run(
      `INSERT INTO webhook_deliveries (${DELIVERY_COLUMNS}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`,
      ...values,
    );
    ids.push(values[0]);
  }
  return ids;
}

/** Stores each of `events` with `enqueueWebhookEvent`. */
export async function enqueueWebhookEvents(q: PgQueries, events: readonly OutgoingWebhookEvent[]): Promise<void> {
  for (const outgoing of events) {
    await enqueueWebhookEvent(q, outgoing);
  }
}
