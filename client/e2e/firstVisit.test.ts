import { describe, expect, it } from 'vitest';
import { fillSignIn, UI_TIMEOUT_MS } from './support/app';
import { withPeople } from './support/people';

/** The app's services chunk (client/app/compose.ts), which the first page fetches without waiting for it. */
const SERVICES_CHUNK = /\/assets\/compose-[\w-]+\.js$/;
/** The English strings' chunk. */
const ENGLISH_CHUNK = /\/assets\/en-[\w-]+\.js$/;

describe('a first visit on a slow network', () => {
  const people = withPeople(
    { name: '孙委员', isSignedIn: false },
    { name: '钱委员', isSignedIn: false },
    { name: '李委员', isSignedIn: false },
  );

  it('draws the sign-in form before the services arrive, keeps what was typed, and signs in once they do', async () => {
    const {
      devices: [sun],
    } = people();
    const { page } = sun;
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    // The services are held back, as on a network where they are still on their way.
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(SERVICES_CHUNK, async (route) => {
      await released;
      await route.continue();
    });

    await page.goto('/');
    await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await fillSignIn(page, sun.account);
    // Sent before the services are here: the form says it is signing in and waits for them.
    await page.getByRole('button', { name: '正在登录…' }).waitFor();
    expect(await page.evaluate(() => performance.getEntriesByName('jianyan:services').length)).toBe(0);
    expect(await page.getByLabel('用户名', { exact: true }).inputValue()).toBe(sun.account.username);
    await sun.screenshot('desktop-sign-in-before-services');

    release();
    await page.getByRole('heading', { name: '孙委员，你好' }).waitFor({ timeout: UI_TIMEOUT_MS });
    // Chinese is the default: English was never fetched.
    expect(fetched.some((pathname) => ENGLISH_CHUNK.test(pathname))).toBe(false);
  });

  it('fetches English only when it is chosen, and starts in English from then on', async () => {
    const {
      devices: [, qian],
    } = people();
    const { page } = qian;
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto('/');
    await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await fillSignIn(page, qian.account);
    await page.getByRole('heading', { name: '钱委员，你好' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(fetched.some((pathname) => ENGLISH_CHUNK.test(pathname))).toBe(false);

    await page.goto('/settings');
    await page.getByLabel('界面语言').selectOption('en');
    await page.getByRole('heading', { name: 'Settings' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(fetched.some((pathname) => ENGLISH_CHUNK.test(pathname))).toBe(true);

    // The next start draws English at once: no Chinese heading shows first.
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByText('设置', { exact: true }).count()).toBe(0);
  });

  it('says so when the services could not be fetched, and signs in after a reload', async () => {
    const {
      devices: [, , li],
    } = people();
    const { page } = li;
    // The network drops just as the services are fetched.
    await page.route(SERVICES_CHUNK, (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const notice = page.getByRole('alert').filter({ hasText: '建言没能完整载入' });
    await notice.waitFor({ timeout: UI_TIMEOUT_MS });
    await fillSignIn(page, li.account);
    await page.getByRole('button', { name: '登录', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    await li.screenshot('desktop-sign-in-services-failed');

    await page.unroute(SERVICES_CHUNK);
    await notice.getByRole('button', { name: '重新载入' }).click();
    await page.getByRole('heading', { name: '登录建言' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await fillSignIn(page, li.account);
    await page.getByRole('heading', { name: '李委员，你好' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
