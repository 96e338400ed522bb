import {
  DELIVERY_COLUMNS,
  newDeliveryValues,
  takesEvent,
  toWebhookRecord,
  WEBHOOK_COLUMNS,
  type WebhookRow,
} from '../rows/webhookRows';
import type { OutgoingWebhookEvent } from '../WebhookStore';
import type { SqliteQueries } from './SqliteQueries';

/**
 * The one SQL that stores webhook deliveries, run by `SqliteWebhookStore` and, inside a
 * transition's own transaction, by `SqliteReviewStore`, so an event is stored with what caused it.
 * Stores one pending delivery for each webhook that takes the event; resolves with their ids.
 */
export function enqueueWebhookEvent(q: SqliteQueries, outgoing: OutgoingWebhookEvent, only?: string): string[] {
  const webhooks = q
    .all<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`)
    .map(toWebhookRecord);
  const ids: string[] = [];
  for (const webhook of webhooks) {
    if (!takesEvent(webhook, outgoing.event, only)) {
      continue;
    }
    const values = newDeliveryValues(webhook.id, outgoing);
    q.run(
      `INSERT INTO webhook_deliveries (${DELIVERY_COLUMNS}) VALUES (${values.map(() => '?').join(', ')})`,
      ...values,
    );
    ids.push(values[0]);
  }
  return ids;
}

/** Stores each of `events` with `enqueueWebhookEvent`. */
export function enqueueWebhookEvents(q: SqliteQueries, events: readonly OutgoingWebhookEvent[]): void {
  for (const outgoing of events) {
    enqueueWebhookEvent(q, outgoing);
  }
}
