import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { sessionCookieName } from '../auth/credentials';
import { clientAddress, normalizeAddress } from './clientAddress';

export interface SiteAddressOptions {
  /** PUBLIC_URL as an origin (config's parsePublicUrl); null: each request's own origin. */
  readonly publicOrigin: string | null;
  /** Addresses of the reverse proxies whose X-Forwarded-* headers are honoured (TRUST_PROXY). */
  readonly trustedProxies: readonly string[];
}

/** What the site's rules read of a request, from Hono's context or from a websocket upgrade. */
export interface RequestFacts {
  /** The TCP peer's address. */
  readonly peer: string | undefined;
  /** The Host header. */
  readonly host: string | undefined;
  /** Whether the TCP connection itself is TLS. */
  readonly isTls: boolean;
  readonly forwardedFor: string | undefined;
  readonly forwardedProto: string | undefined;
}

/** The facts of an API request. */
export function factsOfContext(c: Context): RequestFacts {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  return {
    peer,
    host: c.req.header('host'),
    isTls: new URL(c.req.url).protocol === 'https:',
    forwardedFor: c.req.header('x-forwarded-for'),
    forwardedProto: c.req.header('x-forwarded-proto'),
  };
}

/** The facts of a websocket upgrade, before any Hono context exists. */
export function factsOfIncoming(request: IncomingMessage): RequestFacts {
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return {
    peer: request.socket.remoteAddress,
    host: header('host'),
    isTls: (request.socket as Partial<TLSSocket>).encrypted === true,
    forwardedFor: header('x-forwarded-for'),
    forwardedProto: header('x-forwarded-proto'),
  };
}

/**
 * Where browsers reach this server, and who is asking: the one place that decides which origin
 * links are built on, whether the browser is on https (HSTS, Secure cookie), which address a
 * request comes from, and what the `Origin` header must be. With PUBLIC_URL set, the Host header
 * is never trusted for any of these; forwarded headers count only from TRUST_PROXY peers.
 */
export class SiteAddress {
  readonly publicOrigin: string | null;
  readonly #trusted: ReadonlySet<string>;

  constructor(options: SiteAddressOptions) {
    this.publicOrigin = options.publicOrigin;
    this.#trusted = new Set(options.trustedProxies.map(normalizeAddress));
  }

  /** The session cookie's name: `__Host-` prefixed when PUBLIC_URL is https. */
  get cookieName(): string {
    return sessionCookieName(this.#isPublicHttps);
  }

  /** Whether the browser reached us over https: PUBLIC_URL's scheme when set, else the request's own (or a trusted proxy's word). */
  isHttps(facts: RequestFacts): boolean {
    if (this.publicOrigin !== null) {
      return this.#isPublicHttps;
    }
    return this.#requestScheme(facts) === 'https';
  }

  /** The origin links are built on and the `Origin` header must equal: PUBLIC_URL, else the request's own. */
  originOf(facts: RequestFacts): string {
    if (this.publicOrigin !== null) {
      return this.publicOrigin;
    }
    return `${this.#requestScheme(facts)}://${(facts.host ?? 'localhost').toLowerCase()}`;
  }

  /**
   * Whether an `Origin` header is this site's: PUBLIC_URL exactly when it is set; else a page on
   * the host the request was sent to (its Host header), over http or https. The scheme is not
   * compared then, so that an https proxy nobody told us about (no TRUST_PROXY) does not make
   * every change fail; another site's page never has our host.
   */
  isAcceptedOrigin(origin: string | undefined, facts: RequestFacts): boolean {
    if (origin === undefined) {
      return false;
    }
    if (this.publicOrigin !== null) {
      return origin.trim().toLowerCase() === this.publicOrigin;
    }
    try {
      const page = new URL(origin.trim());
      if ((page.protocol !== 'http:' && page.protocol !== 'https:') || facts.host === undefined) {
        return false;
      }
      // The Host header read with the page's scheme, so that a default port compares equal.
      return new URL(`${page.protocol}//${facts.host}`).host === page.host;
    } catch {
      return false;
    }
  }

  /** The address of the person's computer (see clientAddress). */
  clientAddressOf(facts: RequestFacts): string {
    return clientAddress({ peer: facts.peer, forwardedFor: facts.forwardedFor, trustedProxies: this.#trusted });
  }

  get #isPublicHttps(): boolean {
    return this.publicOrigin?.startsWith('https:') === true;
  }

  #isFromTrustedProxy(facts: RequestFacts): boolean {
    return facts.peer !== undefined && this.#trusted.has(normalizeAddress(facts.peer));
  }

  #requestScheme(facts: RequestFacts): 'http' | 'https' {
    if (facts.isTls) {
      return 'https';
    }
    if (this.#isFromTrustedProxy(facts)) {
      // The nearest proxy's word is the right-most value; anything left of it came from further away.
      const proto = facts.forwardedProto?.split(',').at(-1)?.trim().toLowerCase();
      return proto === 'https' ? 'https' : 'http';
    }
    return 'http';
  }
}
