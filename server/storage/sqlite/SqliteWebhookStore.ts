import type { WebhookDelivery } from '../../../shared/api/webhooks';
import {
  type ClaimedRow,
  type DeliveryRow,
  newLeaseToken,
  outcomeValues,
  toClaimed,
  toDelivery,
  toWebhookRecord,
  WEBHOOK_COLUMNS,
  type WebhookRow,
  webhookValues,
} from '../rows/webhookRows';
import type {
  AttemptOutcome,
  ClaimedDelivery,
  OutgoingWebhookEvent,
  RedeliverOutcome,
  WebhookChange,
  WebhookRecord,
  WebhookStore,
} from '../WebhookStore';
import { openSqliteConnection } from './openSqliteConnection';
import { SqliteQueries } from './SqliteQueries';
import { enqueueWebhookEvent } from './sqliteWebhookRows';

export interface SqliteWebhookStoreOptions {
  /** Path of the database file shared with the other stores; created when missing. */
  readonly path: string;
}

/**
 * Due: pending, its time come, no live lease on it, and its webhook active (a paused webhook's
 * deliveries wait; a test delivery is sent anyway).
 */
const DUE_SQL = `status = 'pending' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
  AND (event = 'webhook.test' OR webhook_id IN (SELECT id FROM webhooks WHERE is_active = 1))`;

/**
 * Webhooks and their deliveries in the shared SQLite file, on a connection of their own. Owns
 * `webhooks` and `webhook_deliveries`; deliveries are written by `sqliteWebhookRows`, which the
 * review store also runs in a transition's transaction. A claim runs in one IMMEDIATE
 * transaction, so even another process on the same file cannot take the same delivery.
 */
export class SqliteWebhookStore implements WebhookStore {
  readonly #q: SqliteQueries;

  constructor(options: SqliteWebhookStoreOptions) {
    this.#q = new SqliteQueries(openSqliteConnection(options.path), 'webhook store');
  }

  listWebhooks(): Promise<WebhookRecord[]> {
    return this.#q.read('list webhooks', () =>
      this.#q.all<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`).map(toWebhookRecord),
    );
  }

  getWebhook(id: string): Promise<WebhookRecord | null> {
    return this.#q.read('read a webhook', () => this.#webhook(id));
  }

  createWebhook(webhook: WebhookRecord): Promise<WebhookRecord> {
    return this.#q.write('create a webhook', () => {
      this.#q.run(
        `INSERT INTO webhooks (${WEBHOOK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ...webhookValues(webhook),
      );
      return webhook;
    });
  }

  updateWebhook(id: string, change: WebhookChange, at: number): Promise<WebhookRecord | null> {
    return this.#q.write('change a webhook', () => {
      const webhook = this.#webhook(id);
      if (webhook === null) {
        return null;
      }
      const next: WebhookRecord = { ...webhook, ...change, updatedAt: at };
      const [, url, events, isActive] = webhookValues(next);
      this.#q.run(
        'UPDATE webhooks SET url = ?, events = ?, is_active = ?, updated_at = ? WHERE id = ?',
        url,
        events,
        isActive,
        at,
        id,
      );
      return next;
    });
  }

  rotateSecret(id: string, secret: string, at: number): Promise<WebhookRecord | null> {
    return this.#q.write('rotate a webhook secret', () => {
      const changed = this.#q.run(
        'UPDATE webhooks SET secret = ?, secret_created_at = ?, updated_at = ? WHERE id = ?',
        secret,
        at,
        at,
        id,
      ).changes;
      return changed === 0 ? null : this.#webhook(id);
    });
  }

  deleteWebhook(id: string): Promise<boolean> {
    return this.#q.write('delete a webhook', () => {
      this.#q.run('DELETE FROM webhook_deliveries WHERE webhook_id = ?', id);
      return this.#q.run('DELETE FROM webhooks WHERE id = ?', id).changes > 0;
    });
  }

  enqueue(event: OutgoingWebhookEvent, options: { readonly webhookId?: string } = {}): Promise<string[]> {
    return this.#q.write('store a webhook event', () => enqueueWebhookEvent(this.#q, event, options.webhookId));
  }

  claimDue(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    return this.#q.write('claim webhook deliveries', () => {
      const due = this.#q.all<{ id: string }>(
        `SELECT id FROM webhook_deliveries WHERE ${DUE_SQL} ORDER BY next_attempt_at, seq LIMIT ?`,
        now,
        now,
        limit,
      );
      return due.map(({ id }) => {
        this.#q.run(
          'UPDATE webhook_deliveries SET claimed_until = ?, lease_token = ?, attempts = attempts + 1 WHERE id = ?',
          now + leaseMs,
          newLeaseToken(),
          id,
        );
        const row = this.#q.get<ClaimedRow>(
          `SELECT d.id, d.webhook_id, d.event, d.body, d.attempts, d.lease_token, w.url, w.secret
           FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = ?`,
          id,
        );
        if (row === undefined) {
          throw new Error(`Cannot claim webhook delivery ${id}: its webhook is missing`);
        }
        return toClaimed(row);
      });
    });
  }

  recordAttempt(id: string, leaseToken: string, at: number, outcome: AttemptOutcome): Promise<boolean> {
    return this.#q.write('record a webhook attempt', () => {
      const v = outcomeValues(outcome, at);
      return (
        this.#q.run(
          `UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, last_attempt_at = ?, last_response_code = ?,
             last_error = ?, last_response_excerpt = ?, claimed_until = NULL, lease_token = NULL
           WHERE id = ? AND lease_token = ? AND status = 'pending'`,
          v.status,
          v.nextAttemptAt,
          v.lastAttemptAt,
          v.lastResponseCode,
          v.lastError,
          v.lastResponseExcerpt,
          id,
          leaseToken,
        ).changes > 0
      );
    });
  }

  release(id: string, leaseToken: string): Promise<void> {
    return this.#q.write('release a webhook delivery', () => {
      this.#q.run(
        `UPDATE webhook_deliveries SET claimed_until = NULL, lease_token = NULL, attempts = attempts - 1
         WHERE id = ? AND lease_token = ? AND status = 'pending'`,
        id,
        leaseToken,
      );
    });
  }

  listDeliveries(webhookId: string, limit: number): Promise<WebhookDelivery[]> {
    return this.#q.read('list webhook deliveries', () =>
      this.#q
        .all<DeliveryRow>(
          'SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY seq DESC LIMIT ?',
          webhookId,
          limit,
        )
        .map(toDelivery),
    );
  }

  redeliver(webhookId: string, deliveryId: string, at: number): Promise<RedeliverOutcome> {
    return this.#q.write('redeliver a webhook delivery', (): RedeliverOutcome => {
      const row = this.#delivery(webhookId, deliveryId);
      if (row === undefined) {
        return { kind: 'missing' };
      }
      if (row.status === 'pending') {
        return { kind: 'pending' };
      }
      this.#q.run(
        `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, claimed_until = NULL,
           lease_token = NULL WHERE id = ?`,
        at,
        deliveryId,
      );
      const updated = this.#delivery(webhookId, deliveryId);
      if (updated === undefined) {
        throw new Error(`Cannot read webhook delivery ${deliveryId} after queueing it again`);
      }
      return { kind: 'queued', delivery: toDelivery(updated) };
    });
  }

  close(): Promise<void> {
    this.#q.close();
    return Promise.resolve();
  }

  #webhook(id: string): WebhookRecord | null {
    const row = this.#q.get<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = ?`, id);
    return row === undefined ? null : toWebhookRecord(row);
  }

  #delivery(webhookId: string, id: string): DeliveryRow | undefined {
    return this.#q.get<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE id = ? AND webhook_id = ?', id, webhookId);
  }
}
