import { randomUUID } from 'node:crypto';
import type { Hono, MiddlewareHandler } from 'hono';
import {
  createWebhookRequestSchema,
  updateWebhookRequestSchema,
  WEBHOOK_LOG_SIZE,
  type Webhook,
  webhookIdSchema,
} from '../../../shared/api/webhooks';
import { WebhookEvent } from '../../../shared/domain/webhooks';
import { Action } from '../../../shared/index';
import type { WebhookRecord } from '../../storage/WebhookStore';
import { newWebhookSecret } from '../../webhooks/webhookSignature';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/** A webhook as answered: never with its secret, which is shown only when made. */
function toWebhook(record: WebhookRecord): Webhook {
  return {
    id: record.id,
    url: record.url,
    events: [...record.events],
    isActive: record.isActive,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    secretCreatedAt: record.secretCreatedAt,
  };
}

function notFound(id: string): ApiError {
  return ApiError.notFound(`No webhook ${id}: it may have been deleted; reload the list`);
}

/** Refuses anyone but the secretariat (P2), before the body is read. */
const secretariatOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
  permit(c.get('auth').actor, Action.manageWebhooks, { type: 'committee' });
  await next();
};

function webhookId(raw: string | undefined): string {
  return param(webhookIdSchema, raw, 'id');
}

async function existingWebhook(deps: ApiDeps, id: string): Promise<WebhookRecord> {
  const webhook = await deps.webhooks.getWebhook(id);
  if (webhook === null) {
    throw notFound(id);
  }
  return webhook;
}

/** The webhooks the secretariat configures to hand events to other systems (docs/API.md, "Webhooks"). */
export function registerWebhookRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/webhooks', auth, secretariatOnly, async (c) => {
    return c.json({ webhooks: (await deps.webhooks.listWebhooks()).map(toWebhook) });
  });

  api.post('/webhooks', auth, secretariatOnly, jsonBody(createWebhookRequestSchema), async (c) => {
    const { url, events, isActive } = c.get('body');
    const now = deps.now();
    const secret = newWebhookSecret();
    const webhook = await deps.webhooks.createWebhook({
      id: randomUUID(),
      url,
      events,
      isActive,
      secret,
      createdBy: c.get('auth').user.id,
      createdAt: now,
      updatedAt: now,
      secretCreatedAt: now,
    });
    deps.logger.info('webhook created', { webhook: webhook.id, by: webhook.createdBy });
    return c.json({ webhook: toWebhook(webhook), secret }, 201);
  });

  api.patch('/webhooks/:id', auth, secretariatOnly, jsonBody(updateWebhookRequestSchema), async (c) => {
    const id = webhookId(c.req.param('id'));
    const { url, events, isActive } = c.get('body');
    const change = {
      ...(url === undefined ? {} : { url }),
      ...(events === undefined ? {} : { events }),
      ...(isActive === undefined ? {} : { isActive }),
    };
    const webhook = await deps.webhooks.updateWebhook(id, change, deps.now());
    if (webhook === null) {
      throw notFound(id);
    }
    if (webhook.isActive) {
      // Deliveries held back while it was paused go out now.
      deps.onWebhookEvents();
    }
    return c.json(toWebhook(webhook));
  });

  api.delete('/webhooks/:id', auth, secretariatOnly, async (c) => {
    const id = webhookId(c.req.param('id'));
    if (!(await deps.webhooks.deleteWebhook(id))) {
      throw notFound(id);
    }
    deps.logger.info('webhook deleted', { webhook: id, by: c.get('auth').user.id });
    return c.body(null, 204);
  });

  api.post('/webhooks/:id/secret', auth, secretariatOnly, async (c) => {
    const id = webhookId(c.req.param('id'));
    const secret = newWebhookSecret();
    const webhook = await deps.webhooks.rotateSecret(id, secret, deps.now());
    if (webhook === null) {
      throw notFound(id);
    }
    deps.logger.info('webhook secret rotated', { webhook: id, by: c.get('auth').user.id });
    return c.json({ webhook: toWebhook(webhook), secret });
  });

  api.get('/webhooks/:id/deliveries', auth, secretariatOnly, async (c) => {
    const id = webhookId(c.req.param('id'));
    await existingWebhook(deps, id);
    return c.json({ deliveries: await deps.webhooks.listDeliveries(id, WEBHOOK_LOG_SIZE) });
  });

  api.post('/webhooks/:id/test', auth, secretariatOnly, async (c) => {
    const id = webhookId(c.req.param('id'));
    const { user } = c.get('auth');
    const webhook = await existingWebhook(deps, id);
    const [deliveryId] = await deps.webhooks.enqueue(
      {
        event: WebhookEvent.webhookTest,
        occurredAt: deps.now(),
        data: { webhookId: webhook.id, url: webhook.url, sentBy: { id: user.id, name: user.name } },
      },
      { webhookId: webhook.id },
    );
    const delivery = (await deps.webhooks.listDeliveries(id, WEBHOOK_LOG_SIZE)).find((d) => d.id === deliveryId);
    if (delivery === undefined) {
      // Deleted between the two calls.
      throw notFound(id);
    }
    deps.onWebhookEvents();
    return c.json(delivery, 201);
  });

  api.post('/webhooks/:id/deliveries/:deliveryId/redeliver', auth, secretariatOnly, async (c) => {
    const id = webhookId(c.req.param('id'));
    const deliveryId = param(webhookIdSchema, c.req.param('deliveryId'), 'deliveryId');
    const outcome = await deps.webhooks.redeliver(id, deliveryId, deps.now());
    switch (outcome.kind) {
      case 'missing':
        throw ApiError.notFound(`Webhook ${id} has no delivery ${deliveryId}`);
      case 'pending':
        throw ApiError.conflict(`Delivery ${deliveryId} is still waiting to be sent: it needs no redelivery`);
      case 'queued':
        deps.onWebhookEvents();
        return c.json(outcome.delivery);
    }
  });
}
