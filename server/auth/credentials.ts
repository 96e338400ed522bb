/** The cookie that carries a browser's session token; HttpOnly, SameSite=Lax. */
export const SESSION_COOKIE = 'jianyan_session';
/**
 * The same cookie on an https PUBLIC_URL: the `__Host-` prefix makes the browser accept it only
 * with Secure, Path=/ and no Domain, so no other host (a sibling subdomain) and no plain http
 * page can set or shadow it.
 */
export const SECURE_SESSION_COOKIE = '__Host-jianyan_session';
/** The relay's query parameter for clients that cannot send the cookie. */
export const TOKEN_QUERY_PARAM = 'token';

/** Longest token accepted at all; anything longer is refused before it is hashed. */
export const MAX_TOKEN_LENGTH = 128;

/** The session cookie's name on a site: prefixed when browsers reach it over https (PUBLIC_URL). */
export function sessionCookieName(isSecureSite: boolean): string {
  return isSecureSite ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** Where a credential came from: only the cookie is a browser's ambient credential (the Origin check). */
export const CredentialSource = {
  bearer: 'bearer',
  query: 'query',
  cookie: 'cookie',
} as const;
export type CredentialSource = (typeof CredentialSource)[keyof typeof CredentialSource];

export interface CredentialSources {
  /** The raw `Cookie` header. */
  readonly cookie?: string | undefined;
  /** The name of the session cookie in use (sessionCookieName); SESSION_COOKIE by default. */
  readonly cookieName?: string;
  /** The raw `Authorization` header. */
  readonly authorization?: string | undefined;
  /** The relay's URL query; the API does not read tokens from URLs. */
  readonly query?: URLSearchParams | undefined;
}

/** A presented token and where it came from. */
export interface PresentedCredential {
  readonly token: string;
  readonly source: CredentialSource;
}

/**
 * The token a request presents: a Bearer header or `?token=` first (explicit beats ambient),
 * then the session cookie. Null when none is present or it is too long to be ours.
 */
export function readCredential(sources: CredentialSources): string | null {
  return readPresentedCredential(sources)?.token ?? null;
}

/** Like readCredential, and says where the token came from. */
export function readPresentedCredential(sources: CredentialSources): PresentedCredential | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(sources.authorization ?? '')?.[1];
  const query = sources.query?.get(TOKEN_QUERY_PARAM) ?? undefined;
  const found: PresentedCredential | null =
    bearer !== undefined
      ? { token: bearer, source: CredentialSource.bearer }
      : query !== undefined
        ? { token: query, source: CredentialSource.query }
        : cookieCredential(sources);
  if (found === null || found.token.length === 0 || found.token.length > MAX_TOKEN_LENGTH) {
    return null;
  }
  return found;
}

function cookieCredential(sources: CredentialSources): PresentedCredential | null {
  const token = readCookie(sources.cookie, sources.cookieName ?? SESSION_COOKIE);
  return token === null ? null : { token, source: CredentialSource.cookie };
}

function readCookie(header: string | undefined, name: string): string | null {
  if (header === undefined) {
    return null;
  }
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      return part.slice(index + 1).trim();
    }
  }
  return null;
}
