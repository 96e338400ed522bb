import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { caretToParagraph, createDocument, readDoc, waitForEditor, waitForServiceWorker } from './support/app';
import { withPeople } from './support/people';

describe('closing the tab right after typing (C1)', () => {
  const people = withPeople({ name: '吴委员' });

  it('keeps every keystroke typed just before a reload', async () => {
    const {
      group,
      devices: [member],
    } = people();
    const { page, context } = member;
    const docId = await createDocument(page, group.id, DocKind.proposal);
    await waitForServiceWorker(page);
    // Offline, so that what comes back can only come from this device's IndexedDB.
    await context.setOffline(true);
    for (const [round, text] of ['第一轮修改abcdefghij', '第二轮修改klmnopqrst', '第三轮修改uvwxyz0123'].entries()) {
      await caretToParagraph(page, round);
      await page.keyboard.type(text);
      const typed = await readDoc(page, docId);
      await page.reload();
      await waitForEditor(page);
      expect(await readDoc(page, docId)).toEqual(typed);
    }
    // Each reload with unsent changes asked the person first.
    expect(member.dialogs).toEqual(['beforeunload', 'beforeunload', 'beforeunload']);
  });
});
