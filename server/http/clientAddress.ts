import { isIP } from 'node:net';

/** An IPv4 address as Node reports it on a dual-stack socket (`::ffff:10.0.0.2`) becomes `10.0.0.2`. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1];
  return (mapped ?? trimmed).toLowerCase();
}

export interface ClientAddressInput {
  /** The address of the TCP peer; undefined when the socket is gone. */
  readonly peer: string | undefined;
  /** The raw X-Forwarded-For header (several headers arrive joined with commas). */
  readonly forwardedFor: string | undefined;
  /** Normalised addresses of the trusted reverse proxies (TRUST_PROXY). */
  readonly trustedProxies: ReadonlySet<string>;
}

/**
 * The address of the person's computer, for throttling sign-ins. X-Forwarded-For is read only
 * when the peer is a trusted proxy: anyone can send the header, and a throttle keyed on what the
 * attacker writes is a throttle the attacker sets. Each trusted proxy appends the address it saw,
 * so the list is read from the right and the first address that is not a trusted proxy is the
 * client; everything left of it may be forged.
 */
export function clientAddress(input: ClientAddressInput): string {
  const peer = input.peer === undefined ? 'unknown' : normalizeAddress(input.peer);
  if (!input.trustedProxies.has(peer) || input.forwardedFor === undefined) {
    return peer;
  }
  const hops = input.forwardedFor.split(',').map(normalizeAddress);
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index] ?? '';
    if (isIP(hop) === 0) {
      // Not an address: whatever stands here was not written by one of our proxies.
      return client;
    }
    client = hop;
    if (!input.trustedProxies.has(hop)) {
      return hop;
    }
  }
  return client;
}
