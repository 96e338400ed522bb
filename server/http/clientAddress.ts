import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address of the connecting peer, for throttling sign-ins. Forwarded headers are not
 * trusted: anyone can send them, and a throttle keyed on them is a throttle the attacker sets.
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
