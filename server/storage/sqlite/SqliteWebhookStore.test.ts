import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebhookStore } from '../WebhookStore';
import { describeWebhookStoreContract } from '../webhookStoreContract';
import { databasePath } from './databasePath';
import { SqliteWebhookStore } from './SqliteWebhookStore';

describeWebhookStoreContract('SqliteWebhookStore', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-webhooks-'));
  const file = databasePath(dir);
  const stores: WebhookStore[] = [new SqliteWebhookStore({ path: file })];
  return {
    webhooks: stores[0] as WebhookStore,
    openAnother: async () => {
      const another = new SqliteWebhookStore({ path: file });
      stores.push(another);
      return another;
    },
    dispose: async () => {
      for (const store of stores) {
        await store.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
