import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, PasswordHasher, scryptMaxmemBytes } from './passwords';

const FAST = { logN: 10, r: 8, p: 1 };

describe('PasswordHasher', () => {
  it('hashes with scrypt at the default cost in a self-describing format, and verifies', async () => {
    const hasher = new PasswordHasher();
    const hash = await hasher.hash('正确的密码 correct horse');
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(await hasher.verify('正确的密码 correct horse', hash)).toBe(true);
    expect(await hasher.verify('正确的密码 correct hors', hash)).toBe(false);
    expect(DEFAULT_SCRYPT_PARAMS).toEqual({ logN: 17, r: 8, p: 1 });
  });

  it('salts every hash, so the same password hashes differently', async () => {
    const hasher = new PasswordHasher({ params: FAST });
    expect(await hasher.hash('same password')).not.toBe(await hasher.hash('same password'));
  });

  it('verifies hashes made with other parameters and says they need rehashing', async () => {
    const old = await new PasswordHasher({ params: FAST }).hash('password one');
    const hasher = new PasswordHasher({ params: { logN: 11, r: 8, p: 1 } });
    expect(await hasher.verify('password one', old)).toBe(true);
    expect(hasher.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('password one'))).toBe(false);
  });

  it('verifies a hash of the earlier default N = 2^15 and says it needs rehashing at N = 2^17', async () => {
    const old = await new PasswordHasher({ params: { logN: 15, r: 8, p: 1 } }).hash('旧密码 old password');
    const hasher = new PasswordHasher();
    expect(await hasher.verify('旧密码 old password', old)).toBe(true);
    expect(hasher.needsRehash(old)).toBe(true);
    expect(scryptMaxmemBytes(DEFAULT_SCRYPT_PARAMS)).toBeGreaterThan(128 * 2 ** 17 * 8);
  });

  it('hashes one-time passwords at N = 2^15 at most, marked for rehashing at the first sign-in', async () => {
    const hasher = new PasswordHasher();
    const hash = await hasher.hashOneTimePassword('k7mp-x3qa-9tdr');
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$/);
    expect(await hasher.verify('k7mp-x3qa-9tdr', hash)).toBe(true);
    expect(hasher.needsRehash(hash)).toBe(true);
    expect(await new PasswordHasher({ params: FAST }).hashOneTimePassword('pw')).toMatch(/^scrypt\$10\$/);
  });

  it('hashes and verifies many passwords at once, each against its own hash', async () => {
    const hasher = new PasswordHasher({ params: FAST });
    const passwords = Array.from({ length: 7 }, (_, i) => `password number ${i}`);
    const hashes = await Promise.all(passwords.map((password) => hasher.hash(password)));
    const checks = await Promise.all(
      passwords.flatMap((password, i) => [
        hasher.verify(password, hashes[i] ?? ''),
        hasher.verify(password, hashes[(i + 1) % 7] ?? ''),
      ]),
    );
    expect(checks).toEqual(passwords.flatMap(() => [true, false]));
  });

  it('answers false, never throws, for malformed or outrageous hashes', async () => {
    const hasher = new PasswordHasher({ params: FAST });
    const good = await hasher.hash('pw');
    const parts = good.split('$');
    for (const bad of ['', 'plain', 'scrypt$15$8$1$$', `scrypt$40$8$1$${parts[4]}$${parts[5]}`, good.slice(0, -60)]) {
      expect(await hasher.verify('pw', bad)).toBe(false);
    }
  });

  it('spends a verification on unknown users and answers false', async () => {
    const hasher = new PasswordHasher({ params: FAST });
    expect(await hasher.verifyNobody('anything')).toBe(false);
  });
});
