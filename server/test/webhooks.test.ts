import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListSchema,
  webhookPayloadSchema,
  webhookWithSecretSchema,
} from '../../shared/api/webhooks';
import { DocKind } from '../../shared/index';
import { apiRequest, expectOk, FAST_PASSWORDS } from './support/apiRequest';
import { REVIEW_PLAN, type ReviewServer, transition } from './support/reviewWorkspace';
import { waitUntil } from './support/SyncClient';
import { seedWorkspace } from './support/seedWorkspace';
import { setupSeededServer } from './support/setupTestServer';
import { makeDataDir, startTestServer, type TestServer } from './support/testServer';
import { type ReceivedDelivery, WebhookReceiver } from './support/WebhookReceiver';

/** Retries after 50 ms, then 50 ms again: three attempts in all, in a fraction of a second. */
const FAST_WEBHOOKS = { retryDelaysMs: [50, 50], pollIntervalMs: 20, timeoutMs: 2_000 } as const;

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.stop()));
});

async function receiver(statuses?: number[]): Promise<WebhookReceiver> {
  const started = await WebhookReceiver.start(statuses === undefined ? {} : { statuses });
  receivers.push(started);
  return started;
}

/** Asks `check` every 20 ms until it answers true, for at most 5 s. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > 5_000) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Verifies a delivery as docs/API.md tells a receiver to. */
function verifies(delivery: ReceivedDelivery, secret: string): boolean {
  const timestamp = String(delivery.headers['x-jianyan-timestamp']);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${delivery.body}`).digest('hex')}`;
  const given = String(delivery.headers['x-jianyan-signature']);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

async function createWebhook(server: { url: string }, token: string, url: string, events?: string[]) {
  const answer = await apiRequest(server.url, 'POST', '/api/webhooks', {
    token,
    json: { url, events: events ?? ['document.status_changed', 'document.filed'] },
  });
  expect(answer.status).toBe(201);
  return webhookWithSecretSchema.parse(answer.body);
}

async function deliveriesOf(server: { url: string }, token: string, webhookId: string) {
  const answer = await apiRequest(server.url, 'GET', `/api/webhooks/${webhookId}/deliveries`, { token });
  return expectOk(answer, webhookDeliveryListSchema).deliveries;
}

describe('webhooks', () => {
  const ctx: ReviewServer = setupSeededServer(REVIEW_PLAN, { server: { webhooks: FAST_WEBHOOKS } });
  const secretariat = () => ctx.tokenOf('secretariat');

  it('hands each transition to the webhook, signed with its secret, and filing as document.filed too', async () => {
    const target = await receiver();
    const { webhook, secret } = await createWebhook(ctx.server, secretariat(), target.url);
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    const listed = expectOk(
      await apiRequest(ctx.server.url, 'GET', '/api/webhooks', { token: secretariat() }),
      webhookListSchema,
    );
    expect(JSON.stringify(listed)).not.toContain(secret);

    const doc = await ctx.workspace.createDoc('zhang', {
      groupKey: '经济界',
      kind: DocKind.proposal,
      title: '关于乡村养老的提案',
    });
    await transition(ctx, 'zhang', doc.id, { action: 'submit', fromStatus: 'draft' });
    await transition(ctx, 'chair', doc.id, { action: 'approve', fromStatus: 'in_review' });
    await transition(ctx, 'secretariat', doc.id, { action: 'file', fromStatus: 'approved' });
    await waitUntil(() => target.received.length === 4, 'four deliveries');

    const payloads = target.received.map((delivery) => {
      expect(verifies(delivery, secret)).toBe(true);
      expect(verifies(delivery, `${secret}x`)).toBe(false);
      expect(delivery.headers['content-type']).toBe('application/json');
      const payload = webhookPayloadSchema.parse(JSON.parse(delivery.body));
      expect(delivery.headers['x-jianyan-event']).toBe(payload.event);
      expect(delivery.headers['x-jianyan-delivery']).toBe(payload.id);
      return payload;
    });
    expect(payloads.map((p) => [p.event, p.data.fromStatus, p.data.toStatus])).toEqual([
      ['document.status_changed', 'draft', 'in_review'],
      ['document.status_changed', 'in_review', 'approved'],
      ['document.status_changed', 'approved', 'filed'],
      ['document.filed', 'approved', 'filed'],
    ]);
    expect(payloads[0]?.data).toMatchObject({
      document: { id: doc.id, title: '关于乡村养老的提案', kind: 'proposal' },
      transition: 'submit',
      actor: { id: ctx.workspace.people.zhang.id, name: '张委员' },
    });

    const log = await deliveriesOf(ctx.server, secretariat(), webhook.id);
    expect(log.map((d) => [d.event, d.status, d.attempts, d.lastResponseCode])).toEqual([
      ['document.filed', 'delivered', 1, 200],
      ['document.status_changed', 'delivered', 1, 200],
      ['document.status_changed', 'delivered', 1, 200],
      ['document.status_changed', 'delivered', 1, 200],
    ]);
    await apiRequest(ctx.server.url, 'DELETE', `/api/webhooks/${webhook.id}`, { token: secretariat() });
  });

  it('retries a 500, gives up after the last attempt, and sends a failed delivery again on request', async () => {
    const target = await receiver([500, 200]);
    const { webhook } = await createWebhook(ctx.server, secretariat(), target.url);
    const sent = await apiRequest(ctx.server.url, 'POST', `/api/webhooks/${webhook.id}/test`, { token: secretariat() });
    expect(sent.status).toBe(201);
    expect(webhookDeliverySchema.parse(sent.body)).toMatchObject({ event: 'webhook.test', status: 'pending' });

    let log = await waitForLog(webhook.id, (d) => d.status === 'delivered');
    expect(log[0]).toMatchObject({ attempts: 2, lastResponseCode: 200, lastError: null });
    expect(target.received.map((d) => JSON.parse(d.body).id)).toEqual([log[0]?.id, log[0]?.id]);

    target.answerWith([503]);
    await apiRequest(ctx.server.url, 'POST', `/api/webhooks/${webhook.id}/test`, { token: secretariat() });
    log = await waitForLog(webhook.id, (d) => d.status === 'failed');
    expect(log[0]).toMatchObject({
      attempts: 3,
      lastResponseCode: 503,
      lastError: 'answered 503',
      nextAttemptAt: null,
    });
    expect(log[0]?.lastResponseExcerpt).toBe('failed with 503');

    target.answerWith([200]);
    const failedId = log[0]?.id ?? '';
    const again = await apiRequest(
      ctx.server.url,
      'POST',
      `/api/webhooks/${webhook.id}/deliveries/${failedId}/redeliver`,
      {
        token: secretariat(),
      },
    );
    expect(webhookDeliverySchema.parse(again.body)).toMatchObject({ id: failedId, status: 'pending', attempts: 0 });
    log = await waitForLog(webhook.id, (d) => d.id === failedId && d.status === 'delivered');
    expect(log[0]).toMatchObject({ attempts: 1, lastResponseCode: 200 });
    await apiRequest(ctx.server.url, 'DELETE', `/api/webhooks/${webhook.id}`, { token: secretariat() });
  });

  it('refuses members (403) and addresses with another scheme or credentials (400)', async () => {
    const member = ctx.tokenOf('zhang');
    for (const [method, path] of [
      ['GET', '/api/webhooks'],
      ['POST', '/api/webhooks'],
    ] as const) {
      const answer = await apiRequest(ctx.server.url, method, path, {
        token: member,
        ...(method === 'POST' ? { json: { url: 'https://example.com/in', events: ['document.filed'] } } : {}),
      });
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ error: 'forbidden', denial: 'role' });
    }
    for (const url of ['ftp://example.com/in', 'https://user:pass@example.com/in', 'not a url']) {
      const answer = await apiRequest(ctx.server.url, 'POST', '/api/webhooks', {
        token: secretariat(),
        json: { url, events: ['document.filed'] },
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ field: 'url' });
    }
    const noEvents = await apiRequest(ctx.server.url, 'POST', '/api/webhooks', {
      token: secretariat(),
      json: { url: 'https://example.com/in', events: ['webhook.test'] },
    });
    expect(noEvents.body).toMatchObject({ field: 'events.0' });
  });

  it('rotates the secret, pauses a webhook (its deliveries wait) and resumes it', async () => {
    const target = await receiver();
    const created = await createWebhook(ctx.server, secretariat(), target.url, ['document.status_changed']);
    const rotated = webhookWithSecretSchema.parse(
      (await apiRequest(ctx.server.url, 'POST', `/api/webhooks/${created.webhook.id}/secret`, { token: secretariat() }))
        .body,
    );
    expect(rotated.secret).not.toBe(created.secret);

    const paused = await apiRequest(ctx.server.url, 'PATCH', `/api/webhooks/${created.webhook.id}`, {
      token: secretariat(),
      json: { isActive: false },
    });
    expect(paused.body).toMatchObject({ isActive: false, events: ['document.status_changed'] });
    const doc = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
    await transition(ctx, 'zhang', doc.id, { action: 'submit', fromStatus: 'draft' });
    expect(await deliveriesOf(ctx.server, secretariat(), created.webhook.id)).toEqual([]);

    // Paused webhooks take no events; a test delivery still goes out, signed with the new secret.
    await apiRequest(ctx.server.url, 'POST', `/api/webhooks/${created.webhook.id}/test`, { token: secretariat() });
    await waitUntil(() => target.received.length === 1, 'the test delivery');
    expect(verifies(target.received[0] as ReceivedDelivery, rotated.secret)).toBe(true);
    expect(verifies(target.received[0] as ReceivedDelivery, created.secret)).toBe(false);
    await apiRequest(ctx.server.url, 'DELETE', `/api/webhooks/${created.webhook.id}`, { token: secretariat() });
    const gone = await apiRequest(ctx.server.url, 'GET', `/api/webhooks/${created.webhook.id}/deliveries`, {
      token: secretariat(),
    });
    expect(gone.status).toBe(404);
  });

  async function waitForLog(webhookId: string, isDone: (d: { id: string; status: string }) => boolean) {
    let log = await deliveriesOf(ctx.server, secretariat(), webhookId);
    await eventually(async () => {
      log = await deliveriesOf(ctx.server, secretariat(), webhookId);
      return log.some(isDone);
    }, 'the delivery log');
    return log.filter(isDone).concat(log.filter((d) => !isDone(d)));
  }
});

describe('webhook deliveries across a restart', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.dispose();
    server = null;
  });

  it('sends a delivery stored while the receiver was down after the server starts again', async () => {
    const dataDir = makeDataDir();
    // Retries every 100 ms, many times: the delivery stays pending until the server stops.
    const webhooks = { retryDelaysMs: Array.from({ length: 50 }, () => 100), pollIntervalMs: 20, timeoutMs: 2_000 };
    const options = { dataDir, passwordParams: FAST_PASSWORDS, webhooks };
    const first = await startTestServer(options);
    const workspace = await seedWorkspace(first, REVIEW_PLAN);
    const target = await receiver();
    await target.stop();
    const { webhook, secret } = await createWebhook(first, workspace.tokenOf('secretariat'), target.url);
    await apiRequest(first.url, 'POST', `/api/webhooks/${webhook.id}/test`, {
      token: workspace.tokenOf('secretariat'),
    });
    await eventually(async () => {
      const log = await deliveriesOf(first, workspace.tokenOf('secretariat'), webhook.id);
      return log[0]?.lastError !== null && log[0]?.lastError !== undefined;
    }, 'a failed first attempt');
    await first.close();

    await target.restart();
    server = await startTestServer(options);
    await waitUntil(() => target.received.length === 1, 'the delivery after the restart');
    expect(verifies(target.received[0] as ReceivedDelivery, secret)).toBe(true);
    const log = await deliveriesOf(server, workspace.tokenOf('secretariat'), webhook.id);
    expect(log).toMatchObject([{ event: 'webhook.test', status: 'delivered', lastResponseCode: 200 }]);
  });
});
