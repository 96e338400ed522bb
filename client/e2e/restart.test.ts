import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { caretToParagraph, createDocument, openDocument, readDoc, waitForBody, waitForSyncPhase } from './support/app';
import { withPeople } from './support/people';

describe('server restart', () => {
  const people = withPeople({ name: '陈委员' });

  it('keeps an acknowledged document intact for a device that never saw it', async () => {
    const {
      group,
      server,
      launch,
      devices: [author],
    } = people();
    const docId = await createDocument(author.page, group.id, DocKind.socialInfo);
    await author.page.locator('.doc-title').fill('关于城区停车难问题的反映');
    await caretToParagraph(author.page, 0);
    await author.page.keyboard.type('老旧小区夜间停车位缺口较大。');
    await caretToParagraph(author.page, 2);
    await author.page.keyboard.type('建议错时开放机关单位停车场。');
    // "已同步" means the server acknowledged every change: it is stored, not just received.
    await waitForSyncPhase(author.page, 'synced');
    const before = await readDoc(author.page, docId);

    await server.restart();

    const reader = await launch({ name: '周委员' });
    await openDocument(reader.page, docId);
    await waitForBody(reader.page, docId, ['建议错时开放机关单位停车场。']);
    expect(await readDoc(reader.page, docId)).toEqual(before);
    // The author's page reconnects by itself and is synced again.
    await waitForSyncPhase(author.page, 'synced');
  });
});
