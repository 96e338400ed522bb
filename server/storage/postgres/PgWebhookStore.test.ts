import { describe } from 'vitest';
import type { WebhookStore } from '../WebhookStore';
import { describeWebhookStoreContract } from '../webhookStoreContract';
import { PgWebhookStore } from './PgWebhookStore';
import { newTestSchema, TEST_DATABASE_URL } from './testSchemas';

describe.skipIf(TEST_DATABASE_URL === null)('PgWebhookStore', () => {
  describeWebhookStoreContract('PgWebhookStore', async () => {
    const schema = newTestSchema();
    const open = () => PgWebhookStore.open({ url: schema.url, schema: schema.schema, maxConnections: 3 });
    const stores: WebhookStore[] = [await open()];
    return {
      webhooks: stores[0] as WebhookStore,
      openAnother: async () => {
        const another = await open();
        stores.push(another);
        return another;
      },
      dispose: async () => {
        for (const store of stores) {
          await store.close();
        }
        await schema.drop();
      },
    };
  });
});
