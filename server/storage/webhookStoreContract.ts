import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubscribableWebhookEvent } from '../../shared/domain/webhooks';
import type { OutgoingWebhookEvent, WebhookRecord, WebhookStore } from './WebhookStore';

/** A webhook store on a fresh database, and a way to open another one on the same database (another process). */
export interface WebhookStoreHarness {
  readonly webhooks: WebhookStore;
  /** Another store on the same database, closed by `dispose`. */
  openAnother(): Promise<WebhookStore>;
  /** Closes the stores and removes the database. */
  dispose(): Promise<void>;
}

export type OpenWebhookStore = () => Promise<WebhookStoreHarness>;

const LEASE_MS = 60_000;

function webhook(extra: Partial<WebhookRecord> = {}): WebhookRecord {
  return {
    id: randomUUID(),
    url: 'https://zhzx.example.gov.cn/hooks/jianyan',
    events: ['document.status_changed', 'document.filed'],
    isActive: true,
    secret: 'secret-1',
    createdBy: randomUUID(),
    createdAt: 10,
    updatedAt: 10,
    secretCreatedAt: 10,
    ...extra,
  };
}

function statusChanged(at = 100): OutgoingWebhookEvent {
  return {
    event: 'document.status_changed',
    occurredAt: at,
    data: { docId: randomUUID(), fromStatus: 'draft', toStatus: 'in_review', title: '关于乡村养老的提案' },
  };
}

/** The behaviour every WebhookStore adapter must show; each adapter's test runs it. */
export function describeWebhookStoreContract(name: string, open: OpenWebhookStore): void {
  describe(`${name} (WebhookStore contract)`, () => {
    let harness: WebhookStoreHarness;
    let store: WebhookStore;

    beforeEach(async () => {
      harness = await open();
      store = harness.webhooks;
    });
    afterEach(() => harness.dispose());

    it('creates, lists, changes, rotates the secret of and deletes webhooks', async () => {
      const first = await store.createWebhook(webhook({ createdAt: 10 }));
      const second = await store.createWebhook(webhook({ createdAt: 20, events: ['document.filed'] }));
      expect((await store.listWebhooks()).map((w) => w.id)).toEqual([first.id, second.id]);
      expect(await store.getWebhook(second.id)).toEqual(second);

      const events: SubscribableWebhookEvent[] = ['document.filed'];
      const changed = await store.updateWebhook(first.id, { isActive: false, events }, 30);
      expect(changed).toMatchObject({ isActive: false, events, updatedAt: 30, url: first.url });
      expect(await store.getWebhook(first.id)).toEqual(changed);

      const rotated = await store.rotateSecret(first.id, 'secret-2', 40);
      expect(rotated).toMatchObject({ secret: 'secret-2', secretCreatedAt: 40 });

      expect(await store.deleteWebhook(first.id)).toBe(true);
      expect(await store.deleteWebhook(first.id)).toBe(false);
      expect(await store.getWebhook(first.id)).toBeNull();
      expect(await store.updateWebhook(first.id, { isActive: true }, 50)).toBeNull();
      expect(await store.rotateSecret(first.id, 'secret-3', 50)).toBeNull();
    });

    it('stores a delivery for each active webhook subscribed to the event, and a test only for its webhook', async () => {
      const subscribed = await store.createWebhook(webhook());
      const filedOnly = await store.createWebhook(webhook({ events: ['document.filed'] }));
      const paused = await store.createWebhook(webhook({ isActive: false }));

      const ids = await store.enqueue(statusChanged());
      expect(ids).toHaveLength(1);
      const [delivery] = await store.listDeliveries(subscribed.id, 10);
      expect(delivery).toMatchObject({
        id: ids[0],
        event: 'document.status_changed',
        status: 'pending',
        attempts: 0,
        nextAttemptAt: 100,
        lastResponseCode: null,
      });
      expect(await store.listDeliveries(filedOnly.id, 10)).toEqual([]);
      expect(await store.listDeliveries(paused.id, 10)).toEqual([]);

      const test = await store.enqueue({ event: 'webhook.test', occurredAt: 100, data: {} }, { webhookId: paused.id });
      expect(test).toHaveLength(1);
      expect((await store.listDeliveries(paused.id, 10)).map((d) => d.event)).toEqual(['webhook.test']);
    });

    it('hands a due delivery to one claim while its lease lasts, with the body it stored', async () => {
      const hook = await store.createWebhook(webhook());
      const [id] = await store.enqueue(statusChanged(100));
      expect(await store.claimDue(99, LEASE_MS, 10)).toEqual([]);

      const [claimed] = await store.claimDue(100, LEASE_MS, 10);
      expect(claimed).toMatchObject({ id, webhookId: hook.id, url: hook.url, secret: 'secret-1', attempts: 1 });
      expect(JSON.parse(claimed?.body ?? '')).toMatchObject({
        id,
        event: 'document.status_changed',
        occurredAt: new Date(100).toISOString(),
        data: { fromStatus: 'draft', toStatus: 'in_review' },
      });
      expect(await store.claimDue(100 + LEASE_MS - 1, LEASE_MS, 10)).toEqual([]);

      // The worker that claimed it died: after the lease, another takes it, and the first's outcome is not kept.
      const [again] = await store.claimDue(100 + LEASE_MS, LEASE_MS, 10);
      expect(again).toMatchObject({ id, attempts: 2 });
      const outcome = { kind: 'delivered', responseCode: 200, responseExcerpt: null } as const;
      expect(await store.recordAttempt(id ?? '', claimed?.leaseToken ?? '', 200, outcome)).toBe(false);
      expect(await store.recordAttempt(id ?? '', again?.leaseToken ?? '', 200, outcome)).toBe(true);
      expect(await store.claimDue(10_000_000, LEASE_MS, 10)).toEqual([]);
    });

    it('records delivered, retried and given-up attempts in the delivery log', async () => {
      const hook = await store.createWebhook(webhook());
      const [id] = await store.enqueue(statusChanged(100));
      const deliveryId = id ?? '';
      const first = (await store.claimDue(100, LEASE_MS, 10))[0];
      await store.recordAttempt(deliveryId, first?.leaseToken ?? '', 110, {
        kind: 'failed',
        retryAt: 60_110,
        responseCode: 500,
        error: 'answered 500',
        responseExcerpt: 'oops',
      });
      expect((await store.listDeliveries(hook.id, 10))[0]).toMatchObject({
        status: 'pending',
        attempts: 1,
        nextAttemptAt: 60_110,
        lastAttemptAt: 110,
        lastResponseCode: 500,
        lastError: 'answered 500',
        lastResponseExcerpt: 'oops',
      });
      expect(await store.claimDue(60_109, LEASE_MS, 10)).toEqual([]);

      const second = (await store.claimDue(60_110, LEASE_MS, 10))[0];
      await store.recordAttempt(deliveryId, second?.leaseToken ?? '', 60_120, {
        kind: 'failed',
        retryAt: null,
        responseCode: null,
        error: 'timed out after 10 s',
        responseExcerpt: null,
      });
      expect((await store.listDeliveries(hook.id, 10))[0]).toMatchObject({
        status: 'failed',
        attempts: 2,
        nextAttemptAt: null,
        lastResponseCode: null,
        lastError: 'timed out after 10 s',
      });

      const redelivered = await store.redeliver(hook.id, deliveryId, 70_000);
      expect(redelivered).toMatchObject({
        kind: 'queued',
        delivery: { status: 'pending', attempts: 0, nextAttemptAt: 70_000 },
      });
      expect(await store.redeliver(hook.id, deliveryId, 70_000)).toEqual({ kind: 'pending' });
      expect(await store.redeliver(hook.id, randomUUID(), 70_000)).toEqual({ kind: 'missing' });
      const third = (await store.claimDue(70_000, LEASE_MS, 10))[0];
      expect(JSON.parse(third?.body ?? '')).toMatchObject({ id: deliveryId });
      await store.recordAttempt(deliveryId, third?.leaseToken ?? '', 70_010, {
        kind: 'delivered',
        responseCode: 204,
        responseExcerpt: '',
      });
      expect((await store.listDeliveries(hook.id, 10))[0]).toMatchObject({
        status: 'delivered',
        attempts: 1,
        nextAttemptAt: null,
        lastResponseCode: 204,
        lastError: null,
      });
    });

    it('gives a released delivery back at once, its attempt not counted', async () => {
      await store.createWebhook(webhook());
      const [id] = await store.enqueue(statusChanged(100));
      const [claimed] = await store.claimDue(100, LEASE_MS, 10);
      await store.release(id ?? '', claimed?.leaseToken ?? '');
      expect(await store.claimDue(101, LEASE_MS, 10)).toMatchObject([{ id, attempts: 1 }]);
    });

    it('lists deliveries newest first, and holds back those of a paused webhook', async () => {
      const hook = await store.createWebhook(webhook());
      const ids = [];
      for (const at of [100, 200, 300]) {
        ids.push(...(await store.enqueue(statusChanged(at))));
      }
      expect((await store.listDeliveries(hook.id, 2)).map((d) => d.id)).toEqual([ids[2], ids[1]]);

      await store.updateWebhook(hook.id, { isActive: false }, 400);
      expect(await store.claimDue(1000, LEASE_MS, 10)).toEqual([]);
      await store.updateWebhook(hook.id, { isActive: true }, 500);
      expect((await store.claimDue(1000, LEASE_MS, 10)).map((d) => d.id)).toEqual(ids);
    });

    it('removes a deleted webhook’s deliveries', async () => {
      const hook = await store.createWebhook(webhook());
      await store.enqueue(statusChanged(100));
      await store.deleteWebhook(hook.id);
      expect(await store.listDeliveries(hook.id, 10)).toEqual([]);
      expect(await store.claimDue(1000, LEASE_MS, 10)).toEqual([]);
    });

    it('gives each delivery to exactly one of two workers claiming together', async () => {
      const other = await harness.openAnother();
      await store.createWebhook(webhook());
      const ids: string[] = [];
      for (let i = 0; i < 40; i += 1) {
        ids.push(...(await store.enqueue(statusChanged(100 + i))));
      }
      const claims: string[] = [];
      for (let round = 0; round < 10; round += 1) {
        const batches = await Promise.all([
          store.claimDue(1000, LEASE_MS, 3),
          other.claimDue(1000, LEASE_MS, 3),
          store.claimDue(1000, LEASE_MS, 3),
          other.claimDue(1000, LEASE_MS, 3),
        ]);
        claims.push(...batches.flat().map((d) => d.id));
      }
      expect(new Set(claims).size).toBe(claims.length);
      expect([...claims].sort()).toEqual([...ids].sort());
    });
  });
}
