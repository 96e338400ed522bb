import type { ClaimedDelivery } from '../storage/WebhookStore';
import { webhookSignature } from './webhookSignature';

/** The most of an answer's body kept in the delivery log: enough to see an error message, not a page. */
export const MAX_RESPONSE_EXCERPT_BYTES = 512;

/** What one POST of a delivery came to. */
export type SendResult =
  | { readonly kind: 'answered'; readonly status: number; readonly excerpt: string }
  /** No answer: a network error or the timeout. */
  | { readonly kind: 'no_answer'; readonly error: string }
  /** The worker stopped while waiting (shutdown): the attempt does not count. */
  | { readonly kind: 'abandoned' };

export interface SendOptions {
  /** The unix time in seconds, sent as `X-Jianyan-Timestamp` and signed with the body. */
  readonly timestamp: string;
  readonly timeoutMs: number;
  /** Aborted when the worker stops. */
  readonly stopSignal: AbortSignal;
}

/** The first bytes of a body, read no further (a huge or endless answer costs nothing). */
async function readExcerpt(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) {
    return '';
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_RESPONSE_EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  const bytes = Buffer.concat(chunks).subarray(0, MAX_RESPONSE_EXCERPT_BYTES);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/\uFFFD+$/, '');
}

function describeFailure(thrown: unknown, timeoutMs: number): string {
  if (thrown instanceof Error && (thrown.name === 'TimeoutError' || thrown.name === 'AbortError')) {
    return `no answer within ${timeoutMs / 1000} s`;
  }
  const cause = thrown instanceof Error && thrown.cause instanceof Error ? thrown.cause.message : null;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return cause === null ? message : `${message}: ${cause}`;
}

/**
 * POSTs a delivery's stored body, signed, to its webhook. Redirects are not followed (a 3xx is an
 * answer like any other that is not 2xx): the secretariat chose this address, and a redirect could
 * send committee data elsewhere.
 */
export async function sendDelivery(delivery: ClaimedDelivery, options: SendOptions): Promise<SendResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.any([timeout, options.stopSignal]),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Jianyan-Webhooks/1',
        'X-Jianyan-Event': delivery.event,
        'X-Jianyan-Delivery': delivery.id,
        'X-Jianyan-Timestamp': options.timestamp,
        'X-Jianyan-Signature': webhookSignature(delivery.secret, options.timestamp, delivery.body),
      },
      body: delivery.body,
    });
    return { kind: 'answered', status: response.status, excerpt: await readExcerpt(response) };
  } catch (thrown) {
    if (options.stopSignal.aborted) {
      return { kind: 'abandoned' };
    }
    return { kind: 'no_answer', error: describeFailure(thrown, options.timeoutMs) };
  }
}
