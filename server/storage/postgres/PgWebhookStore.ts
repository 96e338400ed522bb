import type { WebhookDelivery } from '../../../shared/api/webhooks';
import {
  type ClaimedRow,
  type DeliveryRow,
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
import { PgDatabase } from './PgDatabase';
import type { PgQueries } from './pgQueries';
import { enqueueWebhookEvent } from './pgWebhookRows';

export interface PgWebhookStoreOptions {
  /** A PostgreSQL connection string (DATABASE_URL). */
  readonly url: string;
  /** The schema of the tables; `public` by default (tests give each their own). */
  readonly schema?: string;
  /** Connections this store may open at once. */
  readonly maxConnections?: number;
}

/**
 * Claims due deliveries for one worker: the inner SELECT locks the due rows no other transaction
 * holds (`SKIP LOCKED`), so workers of several processes never wait for each other nor take the
 * same row; a row another worker claimed and committed meanwhile is checked again against the
 * lease (PostgreSQL re-reads a locked row's newest version) and skipped.
 */
const CLAIM_SQL = `
  WITH claimed AS (
    UPDATE webhook_deliveries
    SET claimed_until = $2, lease_token = gen_random_uuid()::text, attempts = attempts + 1
    WHERE id IN (
      SELECT d.id FROM webhook_deliveries d
      WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.claimed_until IS NULL OR d.claimed_until <= $1)
        AND d.webhook_id IN (SELECT w.id FROM webhooks w WHERE w.is_active = 1 OR d.event = 'webhook.test')
      ORDER BY d.next_attempt_at, d.seq
      LIMIT $3
      FOR UPDATE OF d SKIP LOCKED
    )
    RETURNING id, webhook_id, event, body, attempts, lease_token, next_attempt_at, seq
  )
  SELECT c.id, c.webhook_id, c.event, c.body, c.attempts, c.lease_token, w.url, w.secret
  FROM claimed c JOIN webhooks w ON w.id = c.webhook_id
  ORDER BY c.next_attempt_at, c.seq`;

async function webhookById(q: PgQueries, id: string): Promise<WebhookRecord | null> {
  const row = await q.get<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = $1`, id);
  return row === undefined ? null : toWebhookRecord(row);
}

async function deliveryById(q: PgQueries, webhookId: string, id: string): Promise<DeliveryRow | undefined> {
  return q.get<DeliveryRow>('SELECT * FROM webhook_deliveries WHERE id = $1 AND webhook_id = $2', id, webhookId);
}

/**
 * Webhooks and their deliveries on PostgreSQL, shared by every process's worker. Owns `webhooks`
 * and `webhook_deliveries` (deliveries are written by `pgWebhookRows`, which the review store also
 * runs in a transition's transaction). Configuration writes take the records' advisory lock like
 * every record write; claims, attempts and releases lock only their rows.
 */
export class PgWebhookStore implements WebhookStore {
  readonly #db: PgDatabase;

  private constructor(db: PgDatabase) {
    this.#db = db;
  }

  /** Connects and migrates the schema. */
  static async open(options: PgWebhookStoreOptions): Promise<PgWebhookStore> {
    return new PgWebhookStore(
      await PgDatabase.open({
        url: options.url,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
        ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
        name: 'webhook store',
      }),
    );
  }

  listWebhooks(): Promise<WebhookRecord[]> {
    return this.#db.read('list webhooks', async (q) =>
      (await q.all<WebhookRow>(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id`)).map(toWebhookRecord),
    );
  }

  getWebhook(id: string): Promise<WebhookRecord | null> {
    return this.#db.read('read a webhook', (q) => webhookById(q, id));
  }

  createWebhook(webhook: WebhookRecord): Promise<WebhookRecord> {
    return this.#db.write('create a webhook', async (q) => {
      await q.run(
        `INSERT INTO webhooks (${WEBHOOK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        ...webhookValues(webhook),
      );
      return webhook;
    });
  }

  updateWebhook(id: string, change: WebhookChange, at: number): Promise<WebhookRecord | null> {
    return this.#db.write('change a webhook', async (q) => {
      const webhook = await webhookById(q, id);
      if (webhook === null) {
        return null;
      }
      const next: WebhookRecord = { ...webhook, ...change, updatedAt: at };
      const [, url, events, isActive] = webhookValues(next);
      await q.run(
        'UPDATE webhooks SET url = $1, events = $2, is_active = $3, updated_at = $4 WHERE id = $5',
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
    return this.#db.write('rotate a webhook secret', async (q) => {
      const changed = await q.run(
        'UPDATE webhooks SET secret = $1, secret_created_at = $2, updated_at = $2 WHERE id = $3',
        secret,
        at,
        id,
      );
      return changed === 0 ? null : webhookById(q, id);
    });
  }

  deleteWebhook(id: string): Promise<boolean> {
    return this.#db.write('delete a webhook', async (q) => {
      await q.run('DELETE FROM webhook_deliveries WHERE webhook_id = $1', id);
      return (await q.run('DELETE FROM webhooks WHERE id = $1', id)) > 0;
    });
  }

  enqueue(event: OutgoingWebhookEvent, options: { readonly webhookId?: string } = {}): Promise<string[]> {
    return this.#db.write('store a webhook event', (q) => enqueueWebhookEvent(q, event, options.webhookId));
  }

  claimDue(now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    return this.#db.write(
      'claim webhook deliveries',
      async (q) => (await q.all<ClaimedRow>(CLAIM_SQL, now, now + leaseMs, limit)).map(toClaimed),
      { lock: null },
    );
  }

  recordAttempt(id: string, leaseToken: string, at: number, outcome: AttemptOutcome): Promise<boolean> {
    const v = outcomeValues(outcome, at);
    return this.#db.write(
      'record a webhook attempt',
      async (q) =>
        (await q.run(
          `UPDATE webhook_deliveries SET status = $1, next_attempt_at = $2, last_attempt_at = $3, last_response_code = $4,
             last_error = $5, last_response_excerpt = $6, claimed_until = NULL, lease_token = NULL
           WHERE id = $7 AND lease_token = $8 AND status = 'pending'`,
          v.status,
          v.nextAttemptAt,
          v.lastAttemptAt,
          v.lastResponseCode,
          v.lastError,
          v.lastResponseExcerpt,
          id,
          leaseToken,
        )) > 0,
      { lock: null },
    );
  }

  release(id: string, leaseToken: string): Promise<void> {
    return this.#db.write(
      'release a webhook delivery',
      async (q) => {
        await q.run(
          `UPDATE webhook_deliveries SET claimed_until = NULL, lease_token = NULL, attempts = attempts - 1
           WHERE id = $1 AND lease_token = $2 AND status = 'pending'`,
          id,
          leaseToken,
        );
      },
      { lock: null },
    );
  }

  listDeliveries(webhookId: string, limit: number): Promise<WebhookDelivery[]> {
    return this.#db.read('list webhook deliveries', async (q) =>
      (
        await q.all<DeliveryRow>(
          'SELECT * FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY seq DESC LIMIT $2',
          webhookId,
          limit,
        )
      ).map(toDelivery),
    );
  }

  redeliver(webhookId: string, deliveryId: string, at: number): Promise<RedeliverOutcome> {
    return this.#db.write('redeliver a webhook delivery', async (q): Promise<RedeliverOutcome> => {
      const row = await q.get<DeliveryRow>(
        'SELECT * FROM webhook_deliveries WHERE id = $1 AND webhook_id = $2 FOR UPDATE',
        deliveryId,
        webhookId,
      );
      if (row === undefined) {
        return { kind: 'missing' };
      }
      if (row.status === 'pending') {
        return { kind: 'pending' };
      }
      await q.run(
        `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $1, claimed_until = NULL,
           lease_token = NULL WHERE id = $2`,
        at,
        deliveryId,
      );
      const updated = await deliveryById(q, webhookId, deliveryId);
      if (updated === undefined) {
        throw new Error(`Cannot read webhook delivery ${deliveryId} after queueing it again`);
      }
      return { kind: 'queued', delivery: toDelivery(updated) };
    });
  }

  close(): Promise<void> {
    return this.#db.close();
  }
}
