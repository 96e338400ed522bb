import { isSha256, MAX_DOC_FILE_BYTES, parseDocFileMediaType } from '../../../shared/domain/docFiles';
import type { DocFileStore, StoredDocFile } from './DeviceStore';
import type { JianyanDb } from './JianyanDb';

/** Document files in the Dexie database (see `DocFileStore`); the bytes are sealed with the row. */
export class DexieDocFiles implements DocFileStore {
  readonly #db: JianyanDb;

  constructor(db: JianyanDb) {
    this.#db = db;
  }

  async read(sha256: string): Promise<StoredDocFile | null> {
    if (!isSha256(sha256)) {
      return null;
    }
    const row: unknown = await this.#db.files.get(sha256);
    if (typeof row !== 'object' || row === null) {
      return null;
    }
    // Read back untrusted (an older app, a row sealed under another key): checked field by field.
    const { mediaType, bytes, storedAt } = row as Record<string, unknown>;
    const type = typeof mediaType === 'string' ? parseDocFileMediaType(mediaType) : null;
    if (
      type === null ||
      !(bytes instanceof Uint8Array) ||
      bytes.length === 0 ||
      bytes.length > MAX_DOC_FILE_BYTES ||
      typeof storedAt !== 'number'
    ) {
      return null;
    }
    return { sha256, mediaType: type, bytes, storedAt };
  }

  async has(sha256: string): Promise<boolean> {
    return isSha256(sha256) && (await this.#db.files.where('sha256').equals(sha256).count()) > 0;
  }

  async save(file: StoredDocFile): Promise<void> {
    await this.#db.files.put({
      sha256: file.sha256,
      mediaType: file.mediaType,
      bytes: file.bytes,
      storedAt: file.storedAt,
    });
  }
}
