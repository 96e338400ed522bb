import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import {
  caretToParagraph,
  createDocument,
  openDocument,
  readDoc,
  UI_TIMEOUT_MS,
  waitForBody,
  waitForSyncPhase,
} from './support/app';
import { withPeople } from './support/people';

describe('two people edit one document', () => {
  const people = withPeople({ name: '张委员' }, { name: '李委员' });

  it('shows each one the other’s text and caret with name', async () => {
    const {
      group,
      devices: [alice, bob],
    } = people();
    const docId = await createDocument(alice.page, group.id, DocKind.proposal);
    await alice.page.locator('.doc-title').fill('关于加强社区居家养老服务的提案');
    await caretToParagraph(alice.page, 0);
    await alice.page.keyboard.type('社区养老服务设施不足，');

    await openDocument(bob.page, docId);
    await waitForBody(bob.page, docId, ['社区养老服务设施不足，']);
    await caretToParagraph(bob.page, 3);
    await bob.page.keyboard.type('建议市民政局牵头制定补助办法。');
    await waitForBody(alice.page, docId, ['建议市民政局牵头制定补助办法。']);

    // Each sees the other's caret, labelled with the other's name.
    const bobOnAlice = alice.page.locator('.collaboration-carets__caret', { hasText: '李委员' });
    const aliceOnBob = bob.page.locator('.collaboration-carets__caret', { hasText: '张委员' });
    await bobOnAlice.waitFor({ timeout: UI_TIMEOUT_MS });
    await aliceOnBob.waitFor({ timeout: UI_TIMEOUT_MS });

    await waitForSyncPhase(alice.page, 'synced');
    await waitForSyncPhase(bob.page, 'synced');
    const [aliceDoc, bobDoc] = await Promise.all([readDoc(alice.page, docId), readDoc(bob.page, docId)]);
    expect(bobDoc).toEqual(aliceDoc);
    expect(aliceDoc.title).toBe('关于加强社区居家养老服务的提案');
    expect(aliceDoc.body.split('\n').slice(0, 4)).toEqual(['案由', '社区养老服务设施不足，', '提案人', '']);
    await alice.screenshot('desktop-editor');
  });

  it('shares formatting and tables made with the toolbar and shortcuts', async () => {
    const {
      group,
      devices: [alice, bob],
    } = people();
    const docId = await createDocument(alice.page, group.id, DocKind.proposal);
    await openDocument(bob.page, docId);
    await caretToParagraph(alice.page, 3);
    await alice.page.keyboard.press('Control+B');
    await alice.page.keyboard.type('重点建议');
    await alice.page.keyboard.press('Control+B');
    await alice.page.getByRole('button', { name: '插入表格' }).click();
    await alice.page.keyboard.type('项目');
    await alice.page.keyboard.press('Tab');
    await alice.page.keyboard.type('责任单位');
    await waitForBody(bob.page, docId, ['重点建议', '项目', '责任单位']);
    await bob.page.locator('.doc-body strong', { hasText: '重点建议' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await bob.page.locator('.doc-body table th', { hasText: '责任单位' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await alice.page.getByRole('button', { name: '插入行' }).waitFor();
    await alice.screenshot('desktop-table');
  });
});
