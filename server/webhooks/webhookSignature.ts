import { createHmac, randomBytes } from 'node:crypto';

/** The header that names the signature's algorithm, as receivers compare it. */
export const SIGNATURE_PREFIX = 'sha256=';

/**
 * The `X-Jianyan-Signature` of a delivery: HMAC-SHA256, with the webhook's secret, of
 * `<timestamp>.<body>` (the timestamp is signed too, so an old delivery cannot be replayed
 * with a new one), in lowercase hex.
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** A webhook's secret: 32 random bytes in base64url, prefixed so that it is recognisable in a vault. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
