import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, Role } from '../../shared';
import { findInIndexedDb, readDoc, signIn, UI_TIMEOUT_MS, waitForEditor, waitForServiceWorker } from './support/app';
import { withPeople } from './support/people';

const TITLE = '关于东大街路口积水严重的情况反映';
const HAPPENED = '今天早上下雨后，东大街与建设路口积水没过脚踝。\n附近居民说排水口已经堵了半个月。';
const PLACE = '城关镇东大街与建设路口';
const CONTACT = '李先生 13800000000';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true } as const;

/** A real JPEG of 1,200 x 900 px drawn in the page: a grey road under water. */
async function jpeg(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(1200, 900);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.fillStyle = '#9fc5e8';
    context.fillRect(0, 0, 1200, 900);
    context.fillStyle = '#666666';
    context.fillRect(0, 500, 1200, 400);
    context.fillStyle = '#3d85c6';
    context.fillRect(200, 600, 800, 200);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Buffer.from(bytes);
}

/** The shown photo of the open document, once its bytes are here: its natural size. */
async function shownPhoto(page: Page): Promise<{ width: number; height: number }> {
  const img = page.locator('.doc-photo[data-state="ready"] img');
  await img.waitFor({ timeout: UI_TIMEOUT_MS });
  await page.waitForFunction(() => (document.querySelector('.doc-photo img') as HTMLImageElement | null)?.complete);
  return img.evaluate((element) => ({
    width: (element as HTMLImageElement).naturalWidth,
    height: (element as HTMLImageElement).naturalHeight,
  }));
}

async function serverFiles(page: Page, docId: string): Promise<string[]> {
  return page.evaluate(async (id) => {
    const answer = await fetch(`/api/docs/${id}/files`);
    return answer.ok ? ((await answer.json()) as { files: { mediaType: string }[] }).files.map((f) => f.mediaType) : [];
  }, docId);
}

async function serverTitle(page: Page, docId: string): Promise<string | null> {
  return page.evaluate(async (id) => {
    const answer = await fetch(`/api/docs/${id}`);
    return answer.ok ? ((await answer.json()) as { title: string }).title : null;
  }, docId);
}

async function expectDraft(page: Page, docId: string): Promise<void> {
  await waitForEditor(page);
  const { title, body } = await readDoc(page, docId);
  expect(title).toBe(TITLE);
  expect(body).toContain('今天早上下雨后，东大街与建设路口积水没过脚踝。');
  expect(body).toContain('附近居民说排水口已经堵了半个月。');
  expect(body).toContain(`地点：${PLACE}`);
  expect(body).toContain(`反映人联系方式：${CONTACT}`);
  expect(await page.locator('#field-region').inputValue()).toBe(PLACE);
  expect(await shownPhoto(page)).toEqual({ width: 1200, height: 900 });
}

describe('the capture page (随手记)', () => {
  const people = withPeople({ name: '周委员', ...PHONE }, { name: '吴委员' });

  it('makes a social-conditions draft with a photo offline on a phone; the server gets it once online', async () => {
    const {
      devices: [member, other],
    } = people();
    const { page, context } = member;
    await waitForServiceWorker(page);
    const photo = await jpeg(page);
    await page.goto('/');
    await page.getByRole('link', { name: '随手记' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('phone-capture-home');
    await context.setOffline(true);
    await page.getByRole('link', { name: '随手记' }).click();
    await page.waitForURL(/\/capture$/, { timeout: UI_TIMEOUT_MS });
    await page.getByRole('heading', { name: '记录社情民意' }).waitFor({ timeout: UI_TIMEOUT_MS });

    // Nothing filled in: the page says what is missing and creates nothing.
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await page.getByText('请填写标题。').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByText('请写下发生了什么。').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(page.url()).toMatch(/\/capture$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await member.screenshot('phone-capture-problems');

    // A title over the limit is refused with the limit named.
    await page.getByLabel('标题', { exact: true }).fill('积'.repeat(MAX_TITLE_LENGTH + 1));
    await page.getByRole('button', { name: '保存为草稿' }).click();
    await page.getByText(`标题不能超过 ${MAX_TITLE_LENGTH} 个字。`).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByLabel('标题', { exact: true }).fill(TITLE);
    await page.getByLabel('发生了什么').fill(HAPPENED);
    await page.getByLabel('地点').fill(PLACE);
    await page.getByLabel('从相册选择').setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('img', { name: '第 1 张照片' }).waitFor({ timeout: UI_TIMEOUT_MS });
    // A second photo chosen and removed again leaves one.
    await page
      .getByLabel('拍照')
      .setInputFiles({ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: await jpeg2(page) });
    await page.getByRole('img', { name: '第 2 张照片' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: '删除第 2 张照片' }).click();
    await expect.poll(() => page.locator('.capture-previews img').count()).toBe(1);
    await page.getByLabel('反映人联系方式（选填）').fill(CONTACT);
    await page.getByText('当前离线').waitFor({ timeout: UI_TIMEOUT_MS });
    await member.screenshot('phone-capture-filled');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // The phone's browser drops the page while the camera is open: reloaded (offline), the form
    // comes back as it was, photo included.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const kept = (await window.__jianyan?.keptForm('capture')) as { draft?: { contact?: string } } | null;
            return kept?.draft?.contact ?? null;
          }),
        { timeout: UI_TIMEOUT_MS },
      )
      .toBe(CONTACT);
    await page.reload();
    await page.getByText('已恢复上次未保存的内容').waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.getByLabel('标题', { exact: true }).inputValue()).toBe(TITLE);
    expect(await page.getByLabel('发生了什么').inputValue()).toBe(HAPPENED);
    expect(await page.getByLabel('反映人联系方式（选填）').inputValue()).toBe(CONTACT);
    await page.getByRole('img', { name: '第 1 张照片' }).waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await page.locator('.capture-previews img').count()).toBe(1);
    // Kept sealed, like every row: the contact is nowhere on disk in the clear.
    expect(await findInIndexedDb(page, [CONTACT, HAPPENED])).toEqual([]);
    await member.screenshot('phone-capture-restored');

    await page.getByRole('button', { name: '保存为草稿' }).click();
    await page.waitForURL(/\/d\/[0-9a-f-]{36}$/, { timeout: UI_TIMEOUT_MS });
    const docId = /\/d\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
    await expectDraft(page, docId);
    await member.screenshot('phone-capture-draft');
    // Saved as a document: the kept input is forgotten.
    expect(await page.evaluate(() => window.__jianyan?.keptForm('capture'))).toBeNull();

    // Reloaded offline: the draft and its photo come from the device.
    await page.reload();
    await expectDraft(page, docId);

    // Online: the registration and the photo go to the server.
    await context.setOffline(false);
    await expect.poll(() => serverTitle(page, docId), { timeout: 30_000 }).toBe(TITLE);
    await expect.poll(() => serverFiles(page, docId), { timeout: 30_000 }).toEqual(['image/jpeg']);

    // Another member of the group opens it from the server.
    await other.page.goto(`/d/${docId}`);
    await expectDraft(other.page, docId);
  });

  it('saves in the group the member chooses when they may write in two', async () => {
    const { seed, otherGroup, group, openDevice } = people();
    const account = await seed.createAccount({
      username: 'zheng',
      name: '郑委员',
      role: Role.member,
      groupIds: [group.id, otherGroup.id],
    });
    const device = await openDevice(PHONE);
    await signIn(device.page, account);
    await device.page.goto('/capture');
    const choice = device.page.getByLabel('保存到小组');
    await choice.waitFor({ timeout: UI_TIMEOUT_MS });
    await choice.selectOption({ label: '第二小组' });
    await device.page.getByLabel('标题', { exact: true }).fill('关于小区加装电梯意见的反映');
    await device.page.getByLabel('发生了什么').fill('老旧小区居民希望加装电梯。');
    await device.page.getByRole('button', { name: '保存为草稿' }).click();
    await device.page.waitForURL(/\/d\/[0-9a-f-]{36}$/, { timeout: UI_TIMEOUT_MS });
    const docId = /\/d\/([0-9a-f-]{36})$/.exec(device.page.url())?.[1] ?? '';
    await waitForEditor(device.page);
    const { body } = await readDoc(device.page, docId);
    expect(body).toContain('老旧小区居民希望加装电梯。');
    expect(body).not.toContain('地点：');
    expect(body).not.toContain('反映人联系方式：');
    await expect
      .poll(() => device.page.evaluate(async (id) => (await (await fetch(`/api/docs/${id}`)).json()).groupId, docId), {
        timeout: 30_000,
      })
      .toBe(otherGroup.id);
  });
});

/** A second, different JPEG (another picture, so another SHA-256). */
async function jpeg2(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(640, 480);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.fillStyle = '#f6b26b';
    context.fillRect(0, 0, 640, 480);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Buffer.from(bytes);
}
