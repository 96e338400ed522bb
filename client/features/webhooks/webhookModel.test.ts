import { describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../../../shared/api/webhooks';
import { deliveryTone, draftProblem, hasPending, toggleEvent } from './webhookModel';

const delivery = (extra: Partial<WebhookDelivery>): WebhookDelivery => ({
  id: 'd',
  webhookId: 'w',
  event: 'webhook.test',
  createdAt: 1,
  status: 'pending',
  attempts: 0,
  nextAttemptAt: 1,
  lastAttemptAt: null,
  lastResponseCode: null,
  lastError: null,
  lastResponseExcerpt: null,
  ...extra,
});

describe('the webhooks page model', () => {
  it('shows a pending delivery that failed before as waiting for a retry', () => {
    expect(deliveryTone(delivery({}))).toBe('pending');
    expect(deliveryTone(delivery({ lastAttemptAt: 2, attempts: 1 }))).toBe('retrying');
    expect(deliveryTone(delivery({ status: 'failed' }))).toBe('failed');
    expect(hasPending([delivery({ status: 'delivered' }), delivery({})])).toBe(true);
  });

  it('checks a new webhook as the server does', () => {
    expect(draftProblem({ url: 'ftp://x', events: ['document.filed'] })).toBe('url');
    expect(draftProblem({ url: 'https://x.cn/in', events: [] })).toBe('events');
    expect(draftProblem({ url: ' https://x.cn/in ', events: ['document.filed'] })).toBeNull();
    expect(toggleEvent(['document.filed'], 'document.filed', false)).toEqual([]);
  });
});
