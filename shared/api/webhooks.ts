import { z } from 'zod';
import { UUID_PATTERN } from '../domain/ids';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  SUBSCRIBABLE_WEBHOOK_EVENTS,
  WEBHOOK_EVENTS,
  type WebhookEvent,
  webhookUrlProblem,
} from '../domain/webhooks';

/** Request and answer bodies of the webhook routes (docs/API.md, "Webhooks"); secretariat only. */

const URL_PROBLEM_MESSAGES = {
  not_a_url: 'must be an absolute address such as https://example.gov.cn/hooks/jianyan',
  scheme: 'must start with http:// or https://',
  credentials: 'must not carry a user name or password; the signature authenticates the server',
  too_long: 'is too long',
} as const;

/** Deliveries the log answers: the newest, enough to follow a day's traffic. */
export const WEBHOOK_LOG_SIZE = 100;

/** A webhook's or a delivery's id in a path. */
export const webhookIdSchema = z.string().regex(UUID_PATTERN, 'must be a lowercase UUID');

export const webhookUrlSchema = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    const problem = webhookUrlProblem(text);
    if (problem !== null) {
      ctx.addIssue({ code: 'custom', message: URL_PROBLEM_MESSAGES[problem] });
    }
  })
  .meta({ format: 'uri' });

export const webhookEventSchema = z.enum(WEBHOOK_EVENTS as [WebhookEvent, ...WebhookEvent[]]);
export const subscribableWebhookEventSchema = z.enum(SUBSCRIBABLE_WEBHOOK_EVENTS);
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES as [DeliveryStatus, ...DeliveryStatus[]]);

/** The events of a webhook: at least one, each once. */
const subscribedEventsSchema = z
  .array(subscribableWebhookEventSchema)
  .min(1, 'choose at least one event')
  .max(SUBSCRIBABLE_WEBHOOK_EVENTS.length)
  .transform((events) => [...new Set(events)]);

/** A webhook as the API answers it; its secret is never in it. */
export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(subscribableWebhookEventSchema),
  isActive: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** When its secret was made or last rotated. */
  secretCreatedAt: z.number(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** `GET /api/webhooks`, oldest first. */
export const webhookListSchema = z.object({ webhooks: z.array(webhookSchema) });

export const createWebhookRequestSchema = z.object({
  url: webhookUrlSchema,
  events: subscribedEventsSchema,
  isActive: z.boolean().default(true),
});
export type CreateWebhookRequest = z.input<typeof createWebhookRequestSchema>;

/** `PATCH /api/webhooks/:id`: any of the fields, at least one. */
export const updateWebhookRequestSchema = z
  .object({
    url: webhookUrlSchema.optional(),
    events: subscribedEventsSchema.optional(),
    isActive: z.boolean().optional(),
  })
  .refine((body) => body.url !== undefined || body.events !== undefined || body.isActive !== undefined, {
    message: 'give url, events or isActive',
  });
export type UpdateWebhookRequest = z.input<typeof updateWebhookRequestSchema>;

/** `POST /api/webhooks` and `POST /api/webhooks/:id/secret`: the secret is shown only here. */
export const webhookWithSecretSchema = z.object({ webhook: webhookSchema, secret: z.string() });
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

/** One event handed to one webhook, with how its sending went. */
export const webhookDeliverySchema = z.object({
  /** Also the payload's `id` and the `X-Jianyan-Delivery` header: receivers drop one they have seen. */
  id: z.string(),
  webhookId: z.string(),
  event: webhookEventSchema,
  createdAt: z.number(),
  status: deliveryStatusSchema,
  /** Attempts made so far (a redelivery starts again from 0). */
  attempts: z.number(),
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: z.number().nullable(),
  lastAttemptAt: z.number().nullable(),
  /** The HTTP status of the last answer; null when there was none (network error, timeout). */
  lastResponseCode: z.number().nullable(),
  /** Why the last attempt failed (network error, timeout, a status that is not 2xx); null otherwise. */
  lastError: z.string().nullable(),
  /** The first bytes of the last answer's body, for diagnosis. */
  lastResponseExcerpt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** `GET /api/webhooks/:id/deliveries`: newest first. */
export const webhookDeliveryListSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });

/** What every delivery's body is: `data` depends on `event` (docs/API.md). */
export const webhookPayloadSchema = z.object({
  id: z.string(),
  event: webhookEventSchema,
  /** ISO 8601, UTC. */
  occurredAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
