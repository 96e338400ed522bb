import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillSignIn, UI_TIMEOUT_MS } from './support/app';
import { type Device, launchDevice } from './support/device';
import { ApiSeed } from './support/seed';
import { startTestServer, type TestServer } from './support/testServer';

const NEW_PASSWORD = 'zhou-own-password-2';

describe('an account imported from the roster (issue 10)', () => {
  let server: TestServer | null = null;
  let device: Device | null = null;
  let seed: ApiSeed | null = null;

  beforeAll(async () => {
    server = await startTestServer();
    if (server.setupUrl === null) {
      throw new Error('the server printed no setup link');
    }
    seed = await ApiSeed.setUp(server.url, server.setupUrl);
    await seed.createGroup('农业界');
    device = await launchDevice(server.url, {});
  });
  afterAll(async () => {
    await device?.close();
    await server?.dispose();
  });

  it('signs in with its one-time password, must choose a new one, then reaches the home page', async () => {
    if (device === null || seed === null) {
      throw new Error('not started');
    }
    const [account] = await seed.importRoster(['周委员,zhouwy,委员,农业界']);
    if (account === undefined) {
      throw new Error('the roster created no account');
    }
    const { page } = device;
    await page.goto('/');
    await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });

    // Someone guessing another username from this address is paused, in words the person reads.
    const guess = { username: 'zhouwy-guess', password: 'not-the-password' };
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST');
      await fillSignIn(page, guess);
      expect((await answered).status()).toBe(401);
      // Not busy any more (the button reads 正在登录… meanwhile), so the next Enter is a new attempt.
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    }
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确。' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await fillSignIn(page, guess);
    await page.getByText(/^登录失败次数过多，请 \d+ 秒后再试。$/).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByRole('button', { name: '登录', exact: true }).isDisabled()).toBe(true);

    // That pause is for that username from here: the roster account's own password still works.
    await page.reload();
    await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await fillSignIn(page, { username: account.username, password: account.oneTimePassword });

    // The app opens on the password change, not on the home page.
    await page.getByRole('heading', { name: '设置新密码' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByRole('heading', { name: /，你好$/ }).count()).toBe(0);
    await device.screenshot('desktop-forced-password-change');
    await page.getByLabel('初始密码', { exact: true }).fill(account.oneTimePassword);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '设置新密码并进入' }).click();

    await page.getByRole('heading', { name: '周委员，你好' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(new URL(page.url()).pathname).toBe('/');

    // The server took the new password and cleared the flag; the old one no longer signs in.
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ username: 'zhouwy', mustChangePassword: false });
    const old = await fetch(`${seed.baseUrl}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhouwy', password: account.oneTimePassword }),
    });
    expect(old.status).toBe(401);

    // A reload stays on the home page: the flag is gone on the device too.
    await page.reload();
    await page.getByRole('heading', { name: '周委员，你好' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
