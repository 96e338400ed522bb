import type { WebhookDelivery } from '../../../shared/api/webhooks';
import { type SubscribableWebhookEvent, webhookUrlProblem } from '../../../shared/domain/webhooks';

/** How the log shows a delivery: a pending one that has failed before is waiting for a retry. */
export type DeliveryTone = 'delivered' | 'pending' | 'retrying' | 'failed';

export function deliveryTone(delivery: WebhookDelivery): DeliveryTone {
  if (delivery.status === 'pending') {
    return delivery.lastAttemptAt === null ? 'pending' : 'retrying';
  }
  return delivery.status;
}

/** Whether the log should look again soon: something is still to be sent. */
export function hasPending(deliveries: readonly WebhookDelivery[]): boolean {
  return deliveries.some((delivery) => delivery.status === 'pending');
}

/** The new webhook form's state, checked as the server will check it. */
export interface WebhookDraft {
  readonly url: string;
  readonly events: readonly SubscribableWebhookEvent[];
}

export type DraftProblem = 'url' | 'events' | null;

export function draftProblem(draft: WebhookDraft): DraftProblem {
  if (webhookUrlProblem(draft.url.trim()) !== null) {
    return 'url';
  }
  return draft.events.length === 0 ? 'events' : null;
}

/** Checks or unchecks one event, keeping the list's order stable. */
export function toggleEvent(
  events: readonly SubscribableWebhookEvent[],
  event: SubscribableWebhookEvent,
  isChecked: boolean,
): SubscribableWebhookEvent[] {
  const rest = events.filter((each) => each !== event);
  return isChecked ? [...rest, event] : rest;
}
