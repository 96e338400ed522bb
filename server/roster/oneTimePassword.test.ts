import { describe, expect, it } from 'vitest';
import { passwordSchema } from '../../shared/api/schemas';
import { oneTimePassword } from './oneTimePassword';

describe('oneTimePassword', () => {
  it('is three groups of four unambiguous characters that pass the password rules', () => {
    const password = oneTimePassword();
    expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    expect(passwordSchema.safeParse(password).success).toBe(true);
  });

  it('differs each time', () => {
    const passwords = new Set(Array.from({ length: 200 }, () => oneTimePassword()));
    expect(passwords.size).toBe(200);
  });
});
