import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SCHEMA_VERSION, ContentField, DocKind, MetaKey } from '../../shared';
import { createDocument, UI_TIMEOUT_MS, waitForSyncPhase } from './support/app';
import { connectNodePeer, type NodePeer } from './support/nodePeer';
import { withPeopleOn } from './support/people';

describe('a document of a newer schema (C6)', () => {
  // The server was updated and knows the next format; this app (the build under test) does not yet.
  const people = withPeopleOn({ contentSchemaVersion: CONTENT_SCHEMA_VERSION + 1 }, { name: '何委员' });
  let newerApp: NodePeer | undefined;

  afterAll(() => {
    newerApp?.close();
  });

  it('opens read-only with a banner that says to update the app', async () => {
    const {
      group,
      seed,
      devices: [member],
    } = people();
    const { page } = member;
    const docId = await createDocument(page, group.id, DocKind.proposal);
    await page.locator('.doc-title').fill('关于推进垃圾分类的提案');
    await waitForSyncPhase(page, 'synced');

    newerApp = await connectNodePeer(
      seed.baseUrl,
      docId,
      CONTENT_SCHEMA_VERSION + 1,
      await seed.signIn(member.account),
    );
    newerApp.doc.getMap(ContentField.meta).set(MetaKey.schemaVersion, CONTENT_SCHEMA_VERSION + 1);

    const banner = page.getByRole('alert').filter({ hasText: '更新版本的建言' });
    await banner.waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.doc-body[contenteditable="false"]').waitFor();
    expect(await page.locator('.doc-title').getAttribute('readonly')).not.toBeNull();

    // Also after a reload, from what the device stored.
    await page.reload();
    await banner.waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.doc-body[contenteditable="false"]').waitFor();
    await member.screenshot('desktop-schema-read-only');
  });
});
