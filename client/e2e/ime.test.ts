import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import {
  caretToParagraph,
  createDocument,
  occurrences,
  openDocument,
  readDoc,
  waitForBody,
  waitForSyncPhase,
} from './support/app';
import { startIme } from './support/ime';
import { withPeople } from './support/people';

const PINYIN_STEPS = [
  'z',
  'zh',
  'zhe',
  'zhen',
  'zheng',
  'zhengx',
  'zhengxie',
  '政协wei',
  '政协weiyuan',
  '政协委员tian',
];
const CHINESE = '政协委员提案';
const ASCII = 'Bob types ASCII here';

describe('Chinese input method while others type', () => {
  const people = withPeople({ name: '刘委员' }, { name: 'Bob' });

  it('commits the composed text exactly once while remote edits arrive in the same paragraph', async () => {
    const {
      group,
      devices: [alice, bob],
    } = people();
    const docId = await createDocument(alice.page, group.id, DocKind.proposal);
    await openDocument(bob.page, docId);
    // Both edit one paragraph that already has text. (Two people typing at once into a paragraph
    // that has no text node yet each create one; y-tiptap then interleaves their words.)
    await caretToParagraph(alice.page, 0);
    await alice.page.keyboard.type('：');
    await waitForBody(bob.page, docId, ['：']);
    await caretToParagraph(alice.page, 0);
    await caretToParagraph(bob.page, 0);

    const ime = await startIme(alice.page);
    const typing = bob.page.keyboard.type(ASCII, { delay: 15 });
    for (const step of PINYIN_STEPS) {
      await ime.compose(step);
    }
    // Remote characters reach Alice in the middle of her composition and wait for its end.
    await alice.page.waitForFunction((id) => (window.__jianyan?.syncStatus(id)?.held ?? 0) > 3, docId);
    await ime.compose('政协委员提案');
    await ime.commit(CHINESE);
    await ime.detach();
    await typing;

    for (const page of [alice.page, bob.page]) {
      await waitForBody(page, docId, [CHINESE, ASCII]);
      await waitForSyncPhase(page, 'synced');
    }
    const [aliceDoc, bobDoc] = await Promise.all([readDoc(alice.page, docId), readDoc(bob.page, docId)]);
    expect(aliceDoc).toEqual(bobDoc);
    expect(occurrences(aliceDoc.body, CHINESE)).toBe(1);
    expect(occurrences(aliceDoc.body, ASCII)).toBe(1);
    const paragraph = aliceDoc.body.split('\n')[1] ?? '';
    expect(paragraph.length).toBe(1 + CHINESE.length + ASCII.length);
  });

  it('keeps a title composition intact while the title changes remotely', async () => {
    const {
      group,
      devices: [alice, bob],
    } = people();
    const docId = await createDocument(alice.page, group.id, DocKind.researchReport);
    await openDocument(bob.page, docId);
    await alice.page.locator('.doc-title').click();
    await bob.page.locator('.doc-title').click();

    const ime = await startIme(alice.page);
    await ime.compose('tiaoyan');
    await bob.page.keyboard.type('2025');
    await bob.page.waitForFunction((id) => window.__jianyan?.docText(id)?.title === '2025', docId);
    await alice.page.waitForFunction((id) => window.__jianyan?.docText(id)?.title.includes('2025'), docId);
    // The remote change waits: the input still shows only the composition.
    expect(await alice.page.locator('.doc-title').inputValue()).toBe('tiaoyan');
    await ime.compose('调研');
    await ime.commit('调研');
    await ime.detach();

    for (const page of [alice.page, bob.page]) {
      await page.waitForFunction((id) => {
        const title = window.__jianyan?.docText(id)?.title ?? '';
        return title.includes('调研') && title.includes('2025');
      }, docId);
    }
    const title = (await readDoc(alice.page, docId)).title;
    expect(title.length).toBe('调研2025'.length);
    expect(await alice.page.locator('.doc-title').inputValue()).toBe(title);
    await waitForSyncPhase(bob.page, 'synced');
    expect((await readDoc(bob.page, docId)).title).toBe(title);
  });
});
