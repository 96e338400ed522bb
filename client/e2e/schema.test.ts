import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SCHEMA_VERSION, ContentField, DocKind, MetaKey } from '../../shared';
import { createDocument, UI_TIMEOUT_MS, waitForSyncPhase } from './support/app';
import { type Device, launchDevice } from './support/device';
import { connectNodePeer, type NodePeer } from './support/nodePeer';
import { startTestServer, type TestServer } from './support/testServer';

describe('a document of a newer schema (C6)', () => {
  let server: TestServer;
  let member: Device;
  let newerApp: NodePeer | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    member = await launchDevice(server.url, { name: '何委员', color: '#2e7d32' });
  });

  afterAll(async () => {
    newerApp?.close();
    await member?.close();
    await server?.dispose();
  });

  it('opens read-only with a banner that says to update the app', async () => {
    const { page } = member;
    const docId = await createDocument(page, DocKind.proposal);
    await page.locator('.doc-title').fill('关于推进垃圾分类的提案');
    await waitForSyncPhase(page, 'synced');

    newerApp = await connectNodePeer(server.url, docId, CONTENT_SCHEMA_VERSION + 1);
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
