import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress } from './clientAddress';

const trusted = (...addresses: string[]) => new Set(addresses);

describe('clientAddress', () => {
  it('is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress({ peer: '198.51.100.2', forwardedFor: '10.9.9.9', trustedProxies: trusted() })).toBe(
      '198.51.100.2',
    );
    expect(
      clientAddress({ peer: '198.51.100.2', forwardedFor: '10.9.9.9', trustedProxies: trusted('127.0.0.1') }),
    ).toBe('198.51.100.2');
  });

  it('is the right-most address that is not a trusted proxy when the peer is one', () => {
    const proxies = trusted('127.0.0.1', '10.0.0.2');
    const input = { peer: '::ffff:127.0.0.1', trustedProxies: proxies };
    expect(clientAddress({ ...input, forwardedFor: '203.0.113.7' })).toBe('203.0.113.7');
    expect(clientAddress({ ...input, forwardedFor: '6.6.6.6, 203.0.113.7, 10.0.0.2' })).toBe('203.0.113.7');
    expect(clientAddress({ ...input, forwardedFor: '10.0.0.2' })).toBe('10.0.0.2');
    expect(clientAddress({ ...input, forwardedFor: undefined })).toBe('127.0.0.1');
  });

  it('stops at an entry that is not an address', () => {
    const input = { peer: '127.0.0.1', trustedProxies: trusted('127.0.0.1', '10.0.0.2') };
    expect(clientAddress({ ...input, forwardedFor: 'junk, 10.0.0.2' })).toBe('10.0.0.2');
    expect(clientAddress({ ...input, forwardedFor: 'junk' })).toBe('127.0.0.1');
  });

  it('reads IPv4-mapped IPv6 addresses as IPv4, and IPv6 in lower case', () => {
    expect(normalizeAddress('::ffff:10.0.0.2')).toBe('10.0.0.2');
    expect(normalizeAddress(' 2001:DB8::1 ')).toBe('2001:db8::1');
  });
});
