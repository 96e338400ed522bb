import type { WebhookDelivery } from '../../shared/api/webhooks';
import type { SubscribableWebhookEvent, WebhookEvent } from '../../shared/domain/webhooks';

/** A webhook as stored: the secret is kept as it is, since every delivery is signed with it. */
export interface WebhookRecord {
  readonly id: string;
  readonly url: string;
  readonly events: readonly SubscribableWebhookEvent[];
  readonly isActive: boolean;
  readonly secret: string;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly secretCreatedAt: number;
}

/** What a webhook's change may set. */
export interface WebhookChange {
  readonly url?: string;
  readonly events?: readonly SubscribableWebhookEvent[];
  readonly isActive?: boolean;
}

/** An event to hand to the webhooks that subscribe to it; one delivery is stored per webhook. */
export interface OutgoingWebhookEvent {
  readonly event: WebhookEvent;
  /** When it happened (ms); the payload's `occurredAt`. */
  readonly occurredAt: number;
  /** The payload's `data`, JSON. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A delivery a worker claimed: what it sends, and the token that proves the claim is still its own. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly event: WebhookEvent;
  readonly url: string;
  readonly secret: string;
  /** The exact JSON body, made when the delivery was stored. */
  readonly body: string;
  /** Attempts made, this one included. */
  readonly attempts: number;
  readonly leaseToken: string;
}

/** What `redeliver` did. */
export type RedeliverOutcome =
  | { readonly kind: 'queued'; readonly delivery: WebhookDelivery }
  /** Still waiting for an attempt: it will be sent anyway. */
  | { readonly kind: 'pending' }
  | { readonly kind: 'missing' };

/** How one attempt went. */
export type AttemptOutcome =
  | { readonly kind: 'delivered'; readonly responseCode: number; readonly responseExcerpt: string | null }
  | {
      readonly kind: 'failed';
      /** Null: give up, the delivery is `failed`; else when to try again. */
      readonly retryAt: number | null;
      readonly responseCode: number | null;
      readonly error: string;
      readonly responseExcerpt: string | null;
    };

/**
 * Webhooks and their deliveries (an outbox: a delivery is stored before it is sent, and sent until
 * it is received or given up). Workers of several processes share it: `claimDue` hands each due
 * delivery to one of them for a lease, after which a delivery whose worker died is due again.
 * Adapters: SQLite and PostgreSQL; every one runs `webhookStoreContract.ts`.
 */
export interface WebhookStore {
  /** Every webhook, oldest first. */
  listWebhooks(): Promise<WebhookRecord[]>;
  /** The webhook; null when there is none. */
  getWebhook(id: string): Promise<WebhookRecord | null>;
  createWebhook(webhook: WebhookRecord): Promise<WebhookRecord>;
  /** Applies the change at `at`; null when there is no such webhook. */
  updateWebhook(id: string, change: WebhookChange, at: number): Promise<WebhookRecord | null>;
  /** Replaces the secret; pending deliveries are signed with the new one. Null when there is no such webhook. */
  rotateSecret(id: string, secret: string, at: number): Promise<WebhookRecord | null>;
  /** Removes the webhook and its deliveries; false when there was none. */
  deleteWebhook(id: string): Promise<boolean>;
  /**
   * Stores one pending delivery, due at `at`, for each active webhook subscribed to the event, or
   * only for `webhookId` when given (the test delivery, sent even to a paused webhook). Resolves
   * with the deliveries' ids.
   */
  enqueue(event: OutgoingWebhookEvent, options?: { readonly webhookId?: string }): Promise<string[]>;
  /**
   * Claims up to `limit` pending deliveries due at `now` and not claimed by a live lease, oldest
   * first, for `leaseMs`; each claim counts as an attempt. No two callers get the same delivery
   * while its lease lasts, in this process or another.
   */
  claimDue(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]>;
  /**
   * Records an attempt's outcome at `at`, unless the lease was lost (expired and claimed again, or
   * the delivery or its webhook removed): then nothing is written and it resolves false.
   */
  recordAttempt(id: string, leaseToken: string, at: number, outcome: AttemptOutcome): Promise<boolean>;
  /** Gives a claimed delivery back unattempted (shutdown): due again at once, its attempt not counted. */
  release(id: string, leaseToken: string): Promise<void>;
  /** A webhook's deliveries, newest first, at most `limit`. */
  listDeliveries(webhookId: string, limit: number): Promise<WebhookDelivery[]>;
  /**
   * Sends a delivery of the webhook again: pending, due at `at`, attempts from 0, the same body
   * and id. Refused (nothing written) when the webhook has no such delivery or it is still pending.
   */
  redeliver(webhookId: string, deliveryId: string, at: number): Promise<RedeliverOutcome>;
  /** Releases the store; later calls fail. */
  close(): Promise<void>;
}
