import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AdoptionRecord } from '../../shared/domain/adoptions';
import type { DocId, UnitId, UserId } from '../../shared/domain/ids';
import type { AttachmentStore, StoredAttachment } from './AttachmentStore';

export interface AttachmentStoreHarness {
  readonly store: AttachmentStore;
  dispose(): Promise<void>;
}

export type OpenAttachmentStore = () => Promise<AttachmentStoreHarness>;

const UPLOADER = randomUUID() as UserId;
const UNIT = randomUUID() as UnitId;

function file(docId: DocId, bytes: Uint8Array, extra: Partial<StoredAttachment> = {}): StoredAttachment {
  return {
    id: randomUUID(),
    docId,
    kind: 'reply_letter',
    name: '关于治理内涝的答复函.pdf',
    mediaType: 'application/pdf',
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    uploadedBy: UPLOADER,
    unitId: UNIT,
    uploadedAt: 100,
    bytes,
    ...extra,
  };
}

function record(docId: DocId, extra: Partial<AdoptionRecord> = {}): AdoptionRecord {
  return {
    id: randomUUID(),
    docId,
    type: 'adopted',
    level: 'province',
    by: '省政协《社情民意》',
    at: 1_000,
    note: '第12期',
    evidenceAttachmentId: null,
    recordedBy: UPLOADER,
    recordedAt: 2_000,
    ...extra,
  };
}

/** The behaviour every AttachmentStore adapter must show; each adapter's test runs it. */
export function describeAttachmentStoreContract(name: string, open: OpenAttachmentStore): void {
  describe(`${name} (AttachmentStore contract)`, () => {
    let harness: AttachmentStoreHarness;
    let store: AttachmentStore;
    let docId: DocId;

    beforeEach(async () => {
      harness = await open();
      store = harness.store;
      docId = randomUUID() as DocId;
    });
    afterEach(() => harness.dispose());

    it('gives back the bytes it stored, every byte value intact, and lists files without them', async () => {
      const bytes = new Uint8Array(70_000).map((_, index) => (index * 7) % 256);
      bytes.set([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff]);
      const letter = file(docId, bytes);
      const scan = file(docId, new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), {
        kind: 'evidence',
        name: '批示扫描件.jpg',
        mediaType: 'image/jpeg',
        unitId: null,
        uploadedAt: 200,
      });
      await store.addAttachment(letter);
      await store.addAttachment(scan);
      await store.addAttachment(file(randomUUID() as DocId, new Uint8Array([1])));

      const back = await store.getAttachment(docId, letter.id);
      expect(back).not.toBeNull();
      expect(Buffer.from(back?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
      expect({ ...back, bytes: undefined }).toEqual({ ...letter, bytes: undefined });
      const { bytes: _scanBytes, ...scanInfo } = scan;
      const { bytes: _letterBytes, ...letterInfo } = letter;
      expect(await store.listAttachments(docId)).toEqual([letterInfo, scanInfo]);
    });

    it('finds a file only on its own document', async () => {
      const letter = file(docId, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]));
      await store.addAttachment(letter);
      expect(await store.getAttachment(randomUUID() as DocId, letter.id)).toBeNull();
      expect(await store.getAttachment(docId, randomUUID())).toBeNull();
      await expect(store.addAttachment(letter)).rejects.toThrow();
    });

    it('keeps the records of a document by the day they happened, and removes one', async () => {
      const later = record(docId, { at: 5_000, type: 'instruction', level: 'city', by: '市长', note: '' });
      const earlier = record(docId, { evidenceAttachmentId: randomUUID() });
      await store.addAdoption(later);
      await store.addAdoption(earlier);
      await store.addAdoption(record(randomUUID() as DocId));
      expect(await store.listAdoptions(docId)).toEqual([earlier, later]);

      expect(await store.removeAdoption(randomUUID() as DocId, later.id)).toBe(false);
      expect(await store.removeAdoption(docId, later.id)).toBe(true);
      expect(await store.removeAdoption(docId, later.id)).toBe(false);
      expect(await store.listAdoptions(docId)).toEqual([earlier]);
    });
  });
}
