import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signOut, UI_TIMEOUT_MS } from './support/app';
import { type Device, launchDevice } from './support/device';
import { TEST_PASSWORD } from './support/seed';
import { startTestServer, type TestServer } from './support/testServer';

describe('the first run of an empty server', () => {
  let server: TestServer | null = null;
  let device: Device | null = null;

  beforeAll(async () => {
    server = await startTestServer();
    device = await launchDevice(server.url, {});
  });
  afterAll(async () => {
    await device?.close();
    await server?.dispose();
  });

  it('creates the first secretariat account from the printed link, which then stops working', async () => {
    if (server === null || device === null || server.setupUrl === null) {
      throw new Error('the server printed no setup link');
    }
    const { page } = device;
    // Before setup, the sign-in page says where to start.
    await page.goto('/');
    await page.getByText('系统还没有完成初始设置').waitFor({ timeout: UI_TIMEOUT_MS });

    await page.goto(server.setupUrl);
    await page.getByRole('heading', { name: '初始设置' }).waitFor();
    await page.getByLabel('姓名').fill('王秘书长');
    await page.getByLabel('用户名', { exact: true }).fill('Wang.MiShu');
    await page.getByLabel('密码', { exact: true }).fill('short');
    await page.getByLabel('确认密码').fill('short');
    await page.getByRole('button', { name: '创建账号并登录' }).click();
    // Named in place, before anything is sent.
    await page.getByText('密码至少需要 8 位。').waitFor();
    await device.screenshot('desktop-setup');
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByLabel('确认密码').fill(TEST_PASSWORD);
    await page.getByLabel('确认密码').press('Enter');
    await page.getByRole('heading', { name: '王秘书长，你好' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByText('还没有活动小组').waitFor();
    await page.getByRole('link', { name: '创建小组' }).click();
    await page.getByRole('heading', { name: '小组管理', level: 1 }).waitFor();

    // The username was stored as the server stores it; signing out and in again works.
    await signOut(page, '王秘书长（秘书处）');

    // The link works once.
    await page.goto(server.setupUrl);
    await page.getByLabel('姓名').fill('冒名者');
    await page.getByLabel('用户名', { exact: true }).fill('someone');
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByLabel('确认密码').fill(TEST_PASSWORD);
    await page.getByLabel('确认密码').press('Enter');
    await page.getByRole('alert').filter({ hasText: '这个设置链接已经使用过或已失效' }).waitFor();
    await page.getByRole('link', { name: '去登录' }).click();
    await page.getByLabel('用户名', { exact: true }).fill('wang.mishu');
    await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
    await page.getByLabel('密码', { exact: true }).press('Enter');
    await page.getByRole('heading', { name: '王秘书长，你好' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(page.url()).toMatch(/\/$/);
  });
});
