import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UI_TIMEOUT_MS } from './support/app';
import { withPeople } from './support/people';

const PHONE = { width: 390, height: 844 };

/** Another system's endpoint on 127.0.0.1, answering 200 to every delivery. */
function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.end('ok');
    });
  });
  return {
    received,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/jianyan`,
    listen: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webhooks the secretariat configures', () => {
  const receiver = startReceiver();
  beforeAll(() => receiver.listen());
  afterAll(() => receiver.close());
  const people = withPeople({ name: '秘书处王', role: 'secretariat', group: 'none', viewport: PHONE, isMobile: true });

  it('adds a webhook on a phone, sees its secret once, sends a test and sees it delivered in the log', async () => {
    const {
      devices: [secretariat],
    } = people();
    const page = secretariat.page;
    await page.goto('/admin/webhooks');
    await page.getByRole('heading', { name: '数据推送' }).waitFor({ timeout: UI_TIMEOUT_MS });

    await page.getByLabel('推送地址', { exact: true }).fill('ftp://example.com/in');
    await page.getByRole('button', { name: '添加' }).click();
    await page.getByText('请填写以 http:// 或 https:// 开头的完整地址').waitFor();

    await page.getByLabel('推送地址', { exact: true }).fill(receiver.url());
    expect(await page.getByLabel('文档状态变化（提交、退回、通过、立案）').isChecked()).toBe(true);
    await page.getByLabel('文档立案').uncheck();
    await page.getByRole('button', { name: '添加' }).click();
    const secret = await page.getByLabel('签名密钥').inputValue({ timeout: UI_TIMEOUT_MS });
    expect(secret).toMatch(/^whsec_/);
    const card = page.locator('.webhook-card', { hasText: receiver.url() });
    await card.waitFor({ timeout: UI_TIMEOUT_MS });
    await secretariat.screenshot('webhooks-secret-phone');
    await page.getByRole('button', { name: '我已保存' }).click();
    await page.reload();
    await card.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByLabel('签名密钥').count()).toBe(0);

    await card.getByRole('button', { name: '发送测试' }).click();
    const delivered = card.locator('.delivery[data-status="delivered"]', { hasText: '已送达' });
    await delivered.waitFor({ timeout: UI_TIMEOUT_MS });
    await delivered.getByText('测试').waitFor();
    await card.locator('.delivery-log').scrollIntoViewIfNeeded();
    await secretariat.screenshot('webhooks-log-phone');

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery?.headers['x-jianyan-event']).toBe('webhook.test');
    const timestamp = String(delivery?.headers['x-jianyan-timestamp']);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${delivery?.body}`).digest('hex');
    expect(delivery?.headers['x-jianyan-signature']).toBe(`sha256=${expected}`);
  });
});
