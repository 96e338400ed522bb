/** The cookie that carries a browser's session token; HttpOnly, SameSite=Lax. */
export const SESSION_COOKIE = 'jianyan_session';
/** The relay's query parameter for clients that cannot send the cookie. */
export const TOKEN_QUERY_PARAM = 'token';

/** Longest token accepted at all; anything longer is refused before it is hashed. */
export const MAX_TOKEN_LENGTH = 128;

export interface CredentialSources {
  /** The raw `Cookie` header. */
  readonly cookie?: string | undefined;
  /** The raw `Authorization` header. */
  readonly authorization?: string | undefined;
  /** The relay's URL query; the API does not read tokens from URLs. */
  readonly query?: URLSearchParams | undefined;
}

/**
 * The token a request presents: a Bearer header or `?token=` first (explicit beats ambient),
 * then the session cookie. Null when none is present or it is too long to be ours.
 */
export function readCredential(sources: CredentialSources): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(sources.authorization ?? '')?.[1];
  const token = bearer ?? sources.query?.get(TOKEN_QUERY_PARAM) ?? readCookie(sources.cookie, SESSION_COOKIE);
  if (token === undefined || token === null || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return null;
  }
  return token;
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
