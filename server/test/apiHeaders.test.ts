import { describe, expect, it } from 'vitest';
import { apiRequest } from './support/apiRequest';
import { setupTestServer } from './support/setupTestServer';

const ctx = setupTestServer();

describe('security headers', () => {
  it('are on every answer: a strict CSP, nosniff, no referrer, no framing', async () => {
    for (const path of ['/healthz', '/api/me', '/api/no-such-route']) {
      const { headers } = await apiRequest(ctx.server.url, 'GET', path);
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });

  it('keep API answers out of every cache', async () => {
    for (const path of ['/api/me', '/api/setup']) {
      expect((await apiRequest(ctx.server.url, 'GET', path)).headers.get('cache-control')).toBe('no-store');
    }
    expect((await apiRequest(ctx.server.url, 'GET', '/healthz')).headers.get('cache-control')).toBeNull();
  });

  it('send HSTS only over https', async () => {
    const plain = await apiRequest(ctx.server.url, 'GET', '/healthz');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });
});
