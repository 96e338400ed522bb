import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { newDocId, type UserId } from '../../../shared';
import type { DocId } from '../../../shared/domain/ids';
import { openTestStore } from '../../test/testStore';
import { waitUntil } from '../../test/waitUntil';
import type { DocFileApi } from '../api';
import { createDiagnostics } from '../diagnostics';
import { ClientError, ClientErrorCode } from '../errors';
import { Outbox } from '../outbox';
import type { DexieDeviceStore } from '../storage';
import { DocFiles, FileRefusal, FileRefusedError, sha256Of } from './DocFiles';

const USER = '6f0c7a52-3d43-4f0e-9d5c-7f3b2a1e9c01' as UserId;
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');

/** The server's file routes, reachable or not, counting what is sent. */
class FakeFileRoutes {
  isOnline = true;
  readonly files = new Map<string, Uint8Array>();
  readonly puts: string[] = [];
  readonly heads: string[] = [];

  #reach(): void {
    if (!this.isOnline) {
      throw new ClientError({ code: ClientErrorCode.network, message: 'offline' });
    }
  }

  async has(docId: DocId, sha256: string): Promise<boolean> {
    this.#reach();
    this.heads.push(sha256);
    return this.files.has(`${docId}/${sha256}`);
  }

  async put(docId: DocId, sha256: string, bytes: Uint8Array): Promise<void> {
    this.#reach();
    this.puts.push(sha256);
    this.files.set(`${docId}/${sha256}`, new Uint8Array(bytes));
  }

  async get(docId: DocId, sha256: string): Promise<Uint8Array | null> {
    this.#reach();
    return this.files.get(`${docId}/${sha256}`) ?? null;
  }
}

const stores: DexieDeviceStore[] = [];
const stops: (() => void)[] = [];

afterEach(async () => {
  for (const stop of stops.splice(0)) {
    stop();
  }
  await Promise.all(stores.splice(0).map((store) => store.delete()));
});

function start(routes: FakeFileRoutes) {
  const store = openTestStore();
  stores.push(store);
  // Quiet: the failures these tests cause on purpose are counted, not printed.
  const diagnostics = createDiagnostics({ log: () => undefined });
  const outbox = new Outbox({ rows: store.outbox, userId: USER, canSend: () => true, diagnostics });
  const files = new DocFiles({
    store: store.files,
    outbox,
    api: routes as unknown as DocFileApi,
    isOnline: () => routes.isOnline,
    diagnostics,
  });
  stops.push(outbox.start());
  return { files, outbox, store, diagnostics };
}

describe('DocFiles', () => {
  it('keeps an attachment taken offline and uploads it once online, once, asking first whether the server has it', async () => {
    const routes = new FakeFileRoutes();
    routes.isOnline = false;
    const { files, outbox, store } = start(routes);
    const docId = newDocId();
    const attrs = await files.addAttachment(docId, new File([PDF], '现场记录.pdf', { type: 'application/pdf' }));
    expect(attrs).toEqual({
      sha256: await sha256Of(PDF),
      name: '现场记录.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
    });
    expect((await store.files.read(attrs.sha256))?.bytes).toEqual(PDF);
    await waitUntil(() => outbox.summary.getSnapshot().pending === 1, { what: 'the upload queued' });

    routes.isOnline = true;
    await outbox.flush();
    await waitUntil(() => outbox.summary.getSnapshot().pending === 0, { what: 'the upload sent' });
    expect(routes.puts).toEqual([attrs.sha256]);
    expect(routes.files.get(`${docId}/${attrs.sha256}`)).toEqual(PDF);

    // The same file again (in the same document) is not sent again: the server has it.
    await files.addAttachment(docId, new File([PDF], '现场记录（副本）.pdf', { type: 'application/pdf' }));
    await waitUntil(() => outbox.summary.getSnapshot().pending === 0 && routes.heads.length === 2, {
      what: 'the second one checked',
    });
    expect(routes.puts).toEqual([attrs.sha256]);
  });

  it('refuses a file that is not what it says, and one over 10 MiB, keeping nothing', async () => {
    const { files, store } = start(new FakeFileRoutes());
    const docId = newDocId();
    const fake = new File([new TextEncoder().encode('<script>alert(1)</script>')], '通知.pdf', {
      type: 'application/pdf',
    });
    await expect(files.addAttachment(docId, fake)).rejects.toMatchObject({ refusal: FileRefusal.wrongType });
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], '大.pdf', { type: 'application/pdf' });
    const refused = await files.addAttachment(docId, big).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(FileRefusedError);
    expect((refused as FileRefusedError).refusal).toBe(FileRefusal.tooLarge);
    expect(await store.files.read(await sha256Of(new Uint8Array(fake.size)))).toBeNull();
  });

  it('fetches a file another device uploaded when it is viewed, keeps it for offline, and refuses other bytes', async () => {
    const routes = new FakeFileRoutes();
    const { files, store, diagnostics } = start(routes);
    const docId = newDocId();
    const sha256 = await sha256Of(PDF);
    routes.files.set(`${docId}/${sha256}`, PDF);

    expect(await files.bytesOf(docId, sha256)).toEqual({ bytes: PDF, mediaType: 'application/pdf' });
    expect((await store.files.read(sha256))?.bytes).toEqual(PDF);
    routes.isOnline = false;
    expect((await files.bytesOf(docId, sha256))?.bytes).toEqual(PDF);

    // A server that sends other bytes under a file's name is not believed.
    routes.isOnline = true;
    const other = 'e'.repeat(64);
    routes.files.set(`${docId}/${other}`, PDF);
    expect(await files.bytesOf(docId, other)).toBeNull();
    expect(await store.files.read(other)).toBeNull();
    expect(diagnostics.snapshot().counts['files.fetch']).toBe(1);
    // Offline and not on the device: nothing to show, and no request.
    routes.isOnline = false;
    expect(await files.bytesOf(docId, 'f'.repeat(64))).toBeNull();
  });
});
