import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import {
  caretToParagraph,
  createDocument,
  openDocument,
  readDoc,
  waitForBody,
  waitForEditor,
  waitForServiceWorker,
  waitForSyncPhase,
} from './support/app';
import { withPeople } from './support/people';

const UNSENT = /^离线 · \d+ 项更改未上传$/;

describe('offline editing', () => {
  const people = withPeople({ name: '王委员' }, { name: '赵委员' });

  it('keeps edits made offline across a reload and merges them with others’ edits on reconnect', async () => {
    const {
      group,
      devices: [alice, bob],
    } = people();
    const docId = await createDocument(alice.page, group.id, DocKind.researchReport);
    await alice.page.locator('.doc-title').fill('农村饮水安全调研报告');
    await waitForSyncPhase(alice.page, 'synced');
    await openDocument(bob.page, docId);
    await waitForServiceWorker(alice.page);

    await alice.context.setOffline(true);
    await waitForSyncPhase(alice.page, 'offline');
    await caretToParagraph(alice.page, 0);
    await alice.page.keyboard.type('全县共有集中供水工程四十二处。');
    await waitForSyncPhase(alice.page, 'offline', UNSENT);

    // Reloaded with no network: the service worker serves the app, IndexedDB the document.
    await alice.page.reload();
    await waitForEditor(alice.page);
    await waitForBody(alice.page, docId, ['全县共有集中供水工程四十二处。']);
    await waitForSyncPhase(alice.page, 'offline', UNSENT);
    await alice.screenshot('desktop-offline-after-reload');

    // Meanwhile the other member keeps editing online.
    await caretToParagraph(bob.page, 1);
    await bob.page.keyboard.type('部分山区村仍靠水窖供水。');
    await waitForSyncPhase(bob.page, 'synced');

    await alice.context.setOffline(false);
    await waitForBody(alice.page, docId, ['部分山区村仍靠水窖供水。']);
    await waitForBody(bob.page, docId, ['全县共有集中供水工程四十二处。']);
    await waitForSyncPhase(alice.page, 'synced');
    await waitForSyncPhase(bob.page, 'synced');
    const [aliceDoc, bobDoc] = await Promise.all([readDoc(alice.page, docId), readDoc(bob.page, docId)]);
    expect(aliceDoc).toEqual(bobDoc);
    expect(aliceDoc.title).toBe('农村饮水安全调研报告');
  });
});
