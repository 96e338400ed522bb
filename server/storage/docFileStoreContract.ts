import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocFileMediaType } from '../../shared/domain/docFiles';
import type { DocId, UserId } from '../../shared/domain/ids';
import type { DocFileLimits, DocFileStore, NewDocFile } from './DocFileStore';

export interface DocFileStoreHarness {
  readonly store: DocFileStore;
  /** A second store on the same database, on its own connection(s), as another server process would be. */
  readonly other: DocFileStore;
  dispose(): Promise<void>;
}

export type OpenDocFileStore = () => Promise<DocFileStoreHarness>;

const ADDER = randomUUID() as UserId;
const ROOMY: DocFileLimits = { document: 1_000_000, committee: 10_000_000 };

function fileOf(docId: DocId, bytes: Uint8Array, extra: Partial<NewDocFile> = {}): NewDocFile {
  return {
    docId,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    mediaType: 'image/jpeg' as DocFileMediaType,
    bytes,
    addedBy: ADDER,
    addedAt: 100,
    ...extra,
  };
}

/** `size` bytes that differ from any other call's. */
function bytesOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(
    randomUUID()
      .split('')
      .map((c) => c.charCodeAt(0))
      .slice(0, size),
  );
  return bytes;
}

/** The behaviour every DocFileStore adapter must show; each adapter's test runs it (RULES.md DF1-DF5). */
export function describeDocFileStoreContract(name: string, open: OpenDocFileStore): void {
  describe(`${name} (DocFileStore contract)`, () => {
    let harness: DocFileStoreHarness;
    let store: DocFileStore;
    let docId: DocId;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      docId = randomUUID() as DocId;
    });
    afterEach(() => harness.dispose());

    it('links a file and gives back every byte value intact, only on its own document', async () => {
      const bytes = new Uint8Array(70_000).map((_, index) => (index * 7) % 256);
      const file = fileOf(docId, bytes, { mediaType: 'application/pdf' });
      const outcome = await store.addLink(file, ROOMY);
      const info = { sha256: file.sha256, mediaType: 'application/pdf', size: 70_000, addedBy: ADDER, addedAt: 100 };
      expect(outcome).toEqual({ kind: 'linked', file: info });

      const back = await store.getFile(docId, file.sha256);
      expect(Buffer.from(back?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
      expect({ ...back, bytes: undefined }).toEqual({ ...info, bytes: undefined });
      expect(await store.hasLink(docId, file.sha256)).toBe(true);
      const elsewhere = randomUUID() as DocId;
      expect(await store.hasLink(elsewhere, file.sha256)).toBe(false);
      expect(await store.getFile(elsewhere, file.sha256)).toBeNull();
      expect(await store.getFile(docId, '0'.repeat(64))).toBeNull();
    });

    it('lists a document’s links oldest first, without bytes, and sums their sizes', async () => {
      const late = fileOf(docId, bytesOf(30), { addedAt: 300, mediaType: 'image/png' });
      const early = fileOf(docId, bytesOf(20), { addedAt: 200 });
      await store.addLink(late, ROOMY);
      await store.addLink(early, ROOMY);
      await store.addLink(fileOf(randomUUID() as DocId, bytesOf(5)), ROOMY);
      const listed = await store.listLinks(docId);
      expect(listed.map((each) => [each.sha256, each.size, each.addedAt, each.mediaType])).toEqual([
        [early.sha256, 20, 200, 'image/jpeg'],
        [late.sha256, 30, 300, 'image/png'],
      ]);
      expect(listed[0]).not.toHaveProperty('bytes');
      expect(await store.documentUsage(docId)).toBe(50);
      expect(await store.documentUsage(randomUUID() as DocId)).toBe(0);
      expect(await store.committeeUsage()).toBe(55);
      expect(await store.listLinks(randomUUID() as DocId)).toEqual([]);
    });

    it('answers a second link of the same file as already linked, keeping the first one', async () => {
      const bytes = bytesOf(40);
      await store.addLink(fileOf(docId, bytes, { addedAt: 100 }), ROOMY);
      const again = await store.addLink(fileOf(docId, bytes, { addedAt: 999 }), ROOMY);
      expect(again.kind).toBe('already_linked');
      expect(again.kind === 'already_linked' ? again.file.addedAt : null).toBe(100);
      // Even when the quotas have since shrunk below what is stored.
      expect((await store.addLink(fileOf(docId, bytes), { document: 1, committee: 1 })).kind).toBe('already_linked');
      expect(await store.documentUsage(docId)).toBe(40);
    });

    it('keeps the same bytes once for the committee however many documents link them', async () => {
      const bytes = bytesOf(64);
      const second = randomUUID() as DocId;
      await store.addLink(fileOf(docId, bytes), ROOMY);
      await store.addLink(fileOf(second, bytes, { mediaType: 'image/webp' }), ROOMY);
      expect(await store.documentUsage(docId)).toBe(64);
      expect(await store.documentUsage(second)).toBe(64);
      expect(await store.committeeUsage()).toBe(64);
      expect((await store.getFile(second, fileOf(second, bytes).sha256))?.mediaType).toBe('image/webp');
    });

    it('refuses a link that would pass the document’s quota, saying what is used and the limit (DF4)', async () => {
      const limits = { document: 100, committee: 1_000 };
      await store.addLink(fileOf(docId, bytesOf(60)), limits);
      const refused = await store.addLink(fileOf(docId, bytesOf(41)), limits);
      expect(refused).toEqual({ kind: 'over_quota', quota: 'document', used: 60, limit: 100 });
      expect((await store.addLink(fileOf(docId, bytesOf(40)), limits)).kind).toBe('linked');
      expect(await store.documentUsage(docId)).toBe(100);
      expect(await store.listLinks(docId)).toHaveLength(2);
    });

    it('refuses new bytes that would pass the committee’s quota, but links bytes it already holds (DF4)', async () => {
      const limits = { document: 1_000, committee: 100 };
      const held = bytesOf(70);
      await store.addLink(fileOf(docId, held), limits);
      const other = randomUUID() as DocId;
      expect(await store.addLink(fileOf(other, bytesOf(31)), limits)).toEqual({
        kind: 'over_quota',
        quota: 'committee',
        used: 70,
        limit: 100,
      });
      expect((await store.addLink(fileOf(other, held), limits)).kind).toBe('linked');
      expect(await store.committeeUsage()).toBe(70);
    });

    it('links the same file sent many times at once from two connections exactly once (DF5)', async () => {
      const bytes = bytesOf(50);
      await Promise.all([store, harness.other, store, harness.other].map((each) => each.committeeUsage()));
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          (index % 2 === 0 ? store : harness.other).addLink(fileOf(docId, bytes, { addedAt: index }), ROOMY),
        ),
      );
      expect(outcomes.filter((each) => each.kind === 'linked')).toHaveLength(1);
      expect(outcomes.filter((each) => each.kind === 'already_linked')).toHaveLength(7);
      expect(await store.documentUsage(docId)).toBe(50);
      expect(await store.committeeUsage()).toBe(50);
    });

    it('lets no two uploads at once pass a nearly full quota (DF5)', async () => {
      const limits = { document: 1_000, committee: 250 };
      await store.addLink(fileOf(docId, bytesOf(200)), limits);
      // Every connection open first, so that the uploads below truly run side by side.
      await Promise.all([store, harness.other, store, harness.other].map((each) => each.committeeUsage()));
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          (index % 2 === 0 ? store : harness.other).addLink(fileOf(randomUUID() as DocId, bytesOf(40)), limits),
        ),
      );
      expect(outcomes.filter((each) => each.kind === 'linked')).toHaveLength(1);
      expect(outcomes.filter((each) => each.kind === 'over_quota')).toHaveLength(5);
      expect(await store.committeeUsage()).toBe(240);
    });
  });
}
