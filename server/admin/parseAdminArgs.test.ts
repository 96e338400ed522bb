import { describe, expect, it } from 'vitest';
import { parseAdminArgs } from './parseAdminArgs';

describe('parseAdminArgs', () => {
  it('reads each command', () => {
    expect(parseAdminArgs(['help'])).toEqual({ ok: true, command: { name: 'help' } });
    expect(parseAdminArgs(['import-roster', '名单.csv'])).toEqual({
      ok: true,
      command: { name: 'import-roster', file: '名单.csv' },
    });
    expect(parseAdminArgs(['reset-password', 'zhangsan'])).toEqual({
      ok: true,
      command: { name: 'reset-password', username: 'zhangsan' },
    });
    expect(parseAdminArgs(['token', 'zhangsan'])).toEqual({
      ok: true,
      command: { name: 'token', username: 'zhangsan', tokenName: null, days: 90 },
    });
    expect(parseAdminArgs(['migrate-to-postgres'])).toEqual({ ok: true, command: { name: 'migrate-to-postgres' } });
  });

  it('takes the lifetime of a token in days, one of 30, 90 or 365', () => {
    expect(parseAdminArgs(['token', 'zhangsan', '--days', '365'])).toMatchObject({ ok: true, command: { days: 365 } });
    expect(parseAdminArgs(['token', '--days=30', 'zhangsan'])).toMatchObject({ ok: true, command: { days: 30 } });
    expect(parseAdminArgs(['token', 'zhangsan', '--days', '7'])).toMatchObject({
      ok: false,
      message: 'token: --days must be one of 30, 90, 365',
    });
  });

  it('takes the token name before or after the username, with or without =', () => {
    const expected = {
      ok: true,
      command: { name: 'token', username: 'zhangsan', tokenName: 'nightly export', days: 90 },
    };
    expect(parseAdminArgs(['token', 'zhangsan', '--name', 'nightly export'])).toEqual(expected);
    expect(parseAdminArgs(['token', '--name=nightly export', 'zhangsan'])).toEqual(expected);
  });

  it('refuses missing, extra and unknown arguments with a message naming them', () => {
    expect(parseAdminArgs([])).toMatchObject({ ok: false, message: 'no command given' });
    expect(parseAdminArgs(['grant'])).toMatchObject({ ok: false, message: 'unknown command grant' });
    expect(parseAdminArgs(['import-roster'])).toMatchObject({ ok: false });
    expect(parseAdminArgs(['import-roster', 'a.csv', 'b.csv'])).toMatchObject({ ok: false });
    expect(parseAdminArgs(['reset-password'])).toMatchObject({ ok: false });
    expect(parseAdminArgs(['token'])).toMatchObject({ ok: false, message: expect.stringContaining('username') });
    expect(parseAdminArgs(['token', 'a', 'b'])).toMatchObject({ ok: false, message: 'token: unexpected argument b' });
    expect(parseAdminArgs(['token', 'a', '--name'])).toMatchObject({ ok: false });
    expect(parseAdminArgs(['migrate-to-postgres', 'postgres://db'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('migrate-to-postgres: unexpected argument postgres://db'),
    });
    expect(parseAdminArgs(['token', 'a', '--force'])).toMatchObject({
      ok: false,
      message: 'token: unknown option --force',
    });
  });
});
