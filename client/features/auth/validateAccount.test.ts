import { describe, expect, it } from 'vitest';
import { validateAccount } from './validateAccount';

const good = { name: '王委员', username: 'wang.wei', password: 'jianyan-2025', confirm: 'jianyan-2025' };

describe('validateAccount', () => {
  it('accepts a complete account, with the username compared as the server stores it', () => {
    expect(validateAccount(good)).toEqual({});
    expect(validateAccount({ ...good, username: '  Wang.Wei ' })).toEqual({});
  });

  it('names each field that the server would refuse', () => {
    expect(validateAccount({ name: ' ', username: '王', password: 'short', confirm: 'short' })).toEqual({
      name: 'auth.nameRequired',
      username: 'auth.usernameInvalid',
      password: 'auth.passwordTooShort',
    });
    expect(validateAccount({ ...good, username: '-wang' }).username).toBe('auth.usernameInvalid');
  });

  it('asks for the same password twice', () => {
    expect(validateAccount({ ...good, confirm: 'jianyan-2024' })).toEqual({ confirm: 'auth.passwordMismatch' });
  });
});
