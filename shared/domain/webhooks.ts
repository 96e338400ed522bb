/**
 * Webhooks: events the secretariat hands to other systems (a city's 智慧政协 platform, a 提案
 * handling system). Names are `<subject>.<what happened>`, so later events (交办 assignment,
 * 答复 replies) fit beside these as `document.assigned`, `document.answered`.
 */
export const WebhookEvent = {
  /** Any workflow transition of a document (submit, return, approve, file), with both statuses. */
  documentStatusChanged: 'document.status_changed',
  /** A document was filed (归档): the moment a 提案 handling system takes it over. */
  documentFiled: 'document.filed',
  /** Sent only by "send test delivery", to the one webhook it was asked for. */
  webhookTest: 'webhook.test',
} as const;
export type WebhookEvent = (typeof WebhookEvent)[keyof typeof WebhookEvent];

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = Object.values(WebhookEvent);

/** The events a webhook may subscribe to; `webhook.test` is sent on request, whatever it subscribes to. */
export const SUBSCRIBABLE_WEBHOOK_EVENTS = [WebhookEvent.documentStatusChanged, WebhookEvent.documentFiled] as const;
export type SubscribableWebhookEvent = (typeof SUBSCRIBABLE_WEBHOOK_EVENTS)[number];

/** Where a delivery is: waiting for its first or next attempt, received (2xx), or given up. */
export const DeliveryStatus = {
  pending: 'pending',
  delivered: 'delivered',
  failed: 'failed',
} as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = Object.values(DeliveryStatus);

/** Long enough for any real endpoint; longer ones are refused rather than cut. */
export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** Why a webhook address is refused; null when it is fine. */
export type WebhookUrlProblem = 'not_a_url' | 'scheme' | 'credentials' | 'too_long';

/**
 * Checks a webhook's address: an absolute http or https URL without user name or password
 * (a secret in the address would show in every list and log; the signature authenticates us).
 */
export function webhookUrlProblem(text: string): WebhookUrlProblem | null {
  if (text.length > MAX_WEBHOOK_URL_LENGTH) {
    return 'too_long';
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not_a_url';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'scheme';
  }
  if (url.username !== '' || url.password !== '') {
    return 'credentials';
  }
  return null;
}
