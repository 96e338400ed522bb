import { describe, expect, it } from 'vitest';
import { hashIfTokenShaped, hashToken, isTokenShaped, newToken, sameHash, TOKEN_LENGTH } from './tokens';

describe('tokens', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const token = newToken();
    expect(token).toHaveLength(TOKEN_LENGTH);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(token);
  });

  it('are refused before hashing when empty, truncated, extended or oversized (R15)', () => {
    const token = newToken();
    for (const bad of ['', token.slice(0, -1), `${token}A`, 'x'.repeat(8192), `${token.slice(0, -1)}=`, null]) {
      expect(isTokenShaped(bad)).toBe(false);
      expect(hashIfTokenShaped(bad)).toBeNull();
    }
    expect(hashIfTokenShaped(token)).toEqual(hashToken(token));
  });

  it('hash to 32 bytes that compare equal only for the same token', () => {
    const token = newToken();
    expect(hashToken(token)).toHaveLength(32);
    expect(sameHash(hashToken(token), hashToken(token))).toBe(true);
    expect(sameHash(hashToken(token), hashToken(newToken()))).toBe(false);
    expect(sameHash(hashToken(token), new Uint8Array(3))).toBe(false);
  });
});
