import { randomUUID } from 'node:crypto';
import type { WebhookDelivery, WebhookPayload } from '../../../shared/api/webhooks';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  SUBSCRIBABLE_WEBHOOK_EVENTS,
  type SubscribableWebhookEvent,
  WEBHOOK_EVENTS,
  type WebhookEvent,
} from '../../../shared/domain/webhooks';
import type { AttemptOutcome, ClaimedDelivery, OutgoingWebhookEvent, WebhookRecord } from '../WebhookStore';
import { need } from './rowChecks';

/**
 * Rows of `webhooks` and `webhook_deliveries` as both SQL adapters read them (same column names
 * and types), their conversion, and what both adapters write: a new delivery's values and an
 * attempt's outcome. Each field read back is checked (rowChecks).
 */

export interface WebhookRow {
  id: string;
  url: string;
  events: string;
  is_active: number;
  secret: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  secret_created_at: number;
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  event: string;
  body: string;
  created_at: number;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_response_code: number | null;
  last_error: string | null;
  last_response_excerpt: string | null;
}

/** A claimed delivery's row, joined with its webhook's address and secret. */
export interface ClaimedRow {
  id: string;
  webhook_id: string;
  event: string;
  body: string;
  attempts: number;
  lease_token: string;
  url: string;
  secret: string;
}

export const WEBHOOK_COLUMNS =
  'id, url, events, is_active, secret, created_by, created_at, updated_at, secret_created_at' as const;

export const DELIVERY_COLUMNS =
  'id, webhook_id, event, body, created_at, status, attempts, next_attempt_at, claimed_until, lease_token, last_attempt_at, last_response_code, last_error, last_response_excerpt' as const;

function parseEvents(text: string, id: string): SubscribableWebhookEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const known: readonly string[] = SUBSCRIBABLE_WEBHOOK_EVENTS;
  const events =
    Array.isArray(parsed) && parsed.every((event) => typeof event === 'string' && known.includes(event))
      ? (parsed as SubscribableWebhookEvent[])
      : null;
  return need(events, 'webhooks', id, 'events');
}

function parseEvent(text: string, id: string): WebhookEvent {
  const known: readonly string[] = WEBHOOK_EVENTS;
  return need(known.includes(text) ? (text as WebhookEvent) : null, 'webhook_deliveries', id, 'event');
}

function parseStatus(text: string, id: string): DeliveryStatus {
  const known: readonly string[] = DELIVERY_STATUSES;
  return need(known.includes(text) ? (text as DeliveryStatus) : null, 'webhook_deliveries', id, 'status');
}

export function toWebhookRecord(row: WebhookRow): WebhookRecord {
  return {
    id: row.id,
    url: row.url,
    events: parseEvents(row.events, row.id),
    isActive: row.is_active !== 0,
    secret: row.secret,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    secretCreatedAt: row.secret_created_at,
  };
}

/** The values of WEBHOOK_COLUMNS, in order. */
export function webhookValues(
  webhook: WebhookRecord,
): [string, string, string, number, string, string, number, number, number] {
  return [
    webhook.id,
    webhook.url,
    JSON.stringify(webhook.events),
    webhook.isActive ? 1 : 0,
    webhook.secret,
    webhook.createdBy,
    webhook.createdAt,
    webhook.updatedAt,
    webhook.secretCreatedAt,
  ];
}

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: parseEvent(row.event, row.id),
    createdAt: row.created_at,
    status: parseStatus(row.status, row.id),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastResponseCode: row.last_response_code,
    lastError: row.last_error,
    lastResponseExcerpt: row.last_response_excerpt,
  };
}

export function toClaimed(row: ClaimedRow): ClaimedDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: parseEvent(row.event, row.id),
    url: row.url,
    secret: row.secret,
    body: row.body,
    attempts: row.attempts,
    leaseToken: row.lease_token,
  };
}

/** Whether a webhook takes an event: active and subscribed, or the one a test delivery is for. */
export function takesEvent(webhook: WebhookRecord, event: WebhookEvent, only: string | undefined): boolean {
  if (only !== undefined) {
    return webhook.id === only;
  }
  return webhook.isActive && (webhook.events as readonly string[]).includes(event);
}

/** A new pending delivery of `event` to one webhook, due at once: the values of DELIVERY_COLUMNS. */
export function newDeliveryValues(webhookId: string, outgoing: OutgoingWebhookEvent) {
  const id = randomUUID();
  const payload: WebhookPayload = {
    id,
    event: outgoing.event,
    occurredAt: new Date(outgoing.occurredAt).toISOString(),
    data: { ...outgoing.data },
  };
  return [
    id,
    webhookId,
    outgoing.event,
    JSON.stringify(payload),
    outgoing.occurredAt,
    'pending',
    0,
    outgoing.occurredAt,
    null,
    null,
    null,
    null,
    null,
    null,
  ] as const;
}

/** The columns an attempt's outcome sets, as `SET` assignments in order, and their values. */
export function outcomeValues(outcome: AttemptOutcome, at: number) {
  const isDelivered = outcome.kind === 'delivered';
  const status: DeliveryStatus = isDelivered ? 'delivered' : outcome.retryAt === null ? 'failed' : 'pending';
  return {
    status,
    nextAttemptAt: isDelivered ? null : outcome.retryAt,
    lastAttemptAt: at,
    lastResponseCode: outcome.responseCode,
    lastError: isDelivered ? null : outcome.error,
    lastResponseExcerpt: outcome.responseExcerpt,
  };
}

/** A fresh lease token for a claim. */
export function newLeaseToken(): string {
  return randomUUID();
}
