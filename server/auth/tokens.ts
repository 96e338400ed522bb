import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Every secret the server hands out (session and API tokens, invitation and setup links) is 32
 * random bytes in base64url: 43 characters, 256 bits. Only the SHA-256 hash is stored, so a
 * copy of the database grants nothing; lookups go by hash.
 */

const TOKEN_BYTES = 32;
/** The length of every token we issue; anything else is refused before hashing (R15). */
export const TOKEN_LENGTH = 43;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new random secret. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** Whether `text` has the shape of a token we issue; empty, truncated or oversized ones do not. */
export function isTokenShaped(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.length === TOKEN_LENGTH && TOKEN_PATTERN.test(text);
}

/** The SHA-256 hash under which a token is stored and looked up. */
export function hashToken(token: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(token, 'utf8').digest());
}

/** The hash of `token` when it has the shape of ours; null otherwise, without hashing it. */
export function hashIfTokenShaped(token: string | null | undefined): Uint8Array | null {
  return isTokenShaped(token) ? hashToken(token) : null;
}

/** Compares two hashes in constant time (for equal lengths). */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}
