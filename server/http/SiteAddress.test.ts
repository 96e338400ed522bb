import { describe, expect, it } from 'vitest';
import { type RequestFacts, SiteAddress } from './SiteAddress';

const direct: RequestFacts = {
  peer: '198.51.100.2',
  host: 'Evil.Example',
  isTls: false,
  forwardedFor: undefined,
  forwardedProto: 'https',
};
const viaProxy: RequestFacts = { ...direct, peer: '127.0.0.1', forwardedFor: '203.0.113.7' };

describe('SiteAddress', () => {
  it('uses PUBLIC_URL for links, https and the cookie, never the Host header', () => {
    const site = new SiteAddress({ publicOrigin: 'https://jianyan.example.gov.cn', trustedProxies: [] });
    expect(site.originOf(direct)).toBe('https://jianyan.example.gov.cn');
    expect(site.isHttps({ ...direct, forwardedProto: undefined })).toBe(true);
    expect(site.cookieName).toBe('__Host-jianyan_session');
  });

  it('keeps the plain cookie and http with an http PUBLIC_URL, even behind a proxy that says https', () => {
    const site = new SiteAddress({ publicOrigin: 'http://192.168.1.5:8787', trustedProxies: ['127.0.0.1'] });
    expect(site.isHttps(viaProxy)).toBe(false);
    expect(site.cookieName).toBe('jianyan_session');
  });

  it('falls back on the request: its own scheme, X-Forwarded-Proto only from a trusted proxy', () => {
    const site = new SiteAddress({ publicOrigin: null, trustedProxies: ['127.0.0.1'] });
    expect(site.isHttps(direct)).toBe(false);
    expect(site.originOf(direct)).toBe('http://evil.example');
    expect(site.isHttps(viaProxy)).toBe(true);
    expect(site.originOf(viaProxy)).toBe('https://evil.example');
    expect(site.isHttps({ ...direct, isTls: true, forwardedProto: undefined })).toBe(true);
    // The nearest proxy's value counts: a client cannot prepend its own.
    expect(site.isHttps({ ...viaProxy, forwardedProto: 'https, http' })).toBe(false);
  });

  it('accepts as Origin PUBLIC_URL exactly, or without it a page on the Host the request was sent to', () => {
    const pinned = new SiteAddress({ publicOrigin: 'https://jianyan.example.gov.cn', trustedProxies: [] });
    expect(pinned.isAcceptedOrigin('https://jianyan.example.gov.cn', direct)).toBe(true);
    expect(pinned.isAcceptedOrigin('http://evil.example', direct)).toBe(false);
    expect(pinned.isAcceptedOrigin(undefined, direct)).toBe(false);
    const open = new SiteAddress({ publicOrigin: null, trustedProxies: [] });
    const facts = { ...direct, host: 'jianyan.example.gov.cn' };
    expect(open.isAcceptedOrigin('https://jianyan.example.gov.cn', facts)).toBe(true);
    expect(open.isAcceptedOrigin('http://jianyan.example.gov.cn', facts)).toBe(true);
    expect(
      open.isAcceptedOrigin('https://jianyan.example.gov.cn', { ...facts, host: 'jianyan.example.gov.cn:443' }),
    ).toBe(true);
    expect(open.isAcceptedOrigin('https://jianyan.example.gov.cn:8443', facts)).toBe(false);
    expect(open.isAcceptedOrigin('https://evil.example', facts)).toBe(false);
    expect(open.isAcceptedOrigin('null', facts)).toBe(false);
  });

  it('gives the client address through trusted proxies only', () => {
    const site = new SiteAddress({ publicOrigin: null, trustedProxies: ['127.0.0.1'] });
    expect(site.clientAddressOf(viaProxy)).toBe('203.0.113.7');
    expect(site.clientAddressOf({ ...direct, forwardedFor: '203.0.113.7' })).toBe('198.51.100.2');
  });
});
