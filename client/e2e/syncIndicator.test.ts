import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { caretToParagraph, createDocument, openDocument, waitForBody, waitForSyncPhase } from './support/app';
import { withPeople } from './support/people';

describe('sync indicator', () => {
  const people = withPeople({ name: '孙委员' });

  it('counts unsent changes while offline and shows synced after reconnecting', async () => {
    const {
      group,
      devices: [member],
    } = people();
    const { page, context } = member;
    const docId = await createDocument(page, group.id, DocKind.proposal);
    expect(await waitForSyncPhase(page, 'synced')).toBe('已同步');

    await context.setOffline(true);
    expect(await waitForSyncPhase(page, 'offline')).toBe('离线');
    await caretToParagraph(page, 0);
    await page.keyboard.type('加快推进老旧小区加装电梯');
    // The label follows the stored count, which the last keystrokes may still be adding to.
    await expect
      .poll(
        async () => {
          const label = await waitForSyncPhase(page, 'offline', /^离线 · \d+ 项更改未上传$/);
          const unsent = await page.evaluate((id) => window.__jianyan?.syncStatus(id)?.unsent, docId);
          return Number(/(\d+) 项/.exec(label)?.[1]) === unsent && (unsent ?? 0) > 0;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await member.screenshot('desktop-indicator-offline');

    await context.setOffline(false);
    expect(await waitForSyncPhase(page, 'synced')).toBe('已同步');
    expect(await page.evaluate((id) => window.__jianyan?.syncStatus(id)?.unsent, docId)).toBe(0);

    // The list page counts nothing left to upload either.
    await page.goto('/');
    expect(await waitForSyncPhase(page, 'synced')).toBe('已同步');
    await member.screenshot('desktop-list');
  });

  it('uploads changes of a document that is no longer open once the device is online again', async () => {
    const {
      group,
      launch,
      devices: [member],
    } = people();
    const { page, context } = member;
    const docId = await createDocument(page, group.id, DocKind.researchReport);
    await waitForSyncPhase(page, 'synced');
    await context.setOffline(true);
    await caretToParagraph(page, 0);
    await page.keyboard.type('乡村学校寄宿条件调研');
    await waitForSyncPhase(page, 'offline', /项更改未上传/);
    // A fresh list page: no document is open any more.
    await page.goto('/');
    expect(await waitForSyncPhase(page, 'offline', /^离线 · \d+ 项更改未上传$/)).toMatch(/项更改未上传/);

    await context.setOffline(false);
    expect(await waitForSyncPhase(page, 'synced')).toBe('已同步');
    const reader = await launch({ name: '钱委员' });
    await openDocument(reader.page, docId);
    await waitForBody(reader.page, docId, ['乡村学校寄宿条件调研']);
  });
});
