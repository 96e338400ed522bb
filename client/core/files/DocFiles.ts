import type { FileLinkAttrs, PhotoAttrs } from '../../../shared/domain/docFileNodes';
import {
  type DocFileMediaType,
  docFileBytesMatchType,
  DocFileMediaType as FileType,
  isSha256,
  MAX_DOC_FILE_BYTES,
  parseDocFileMediaType,
} from '../../../shared/domain/docFiles';
import type { DocId } from '../../../shared/domain/ids';
import type { DocFileApi } from '../api';
import type { Diagnostics } from '../diagnostics';
import { ClientError, ClientErrorCode } from '../errors';
import { type Outbox, OutboxOp } from '../outbox';
import type { DocFileStore } from '../storage';
import { preparePhoto } from './preparePhoto';

/** Why a file the member chose is not taken, for the UI to word. */
export const FileRefusal = {
  /** More than 10 MiB. */
  tooLarge: 'too_large',
  /** Not a PDF, DOCX or XLSX (by its type, its name and its first bytes). */
  wrongType: 'wrong_type',
  /** Not a picture this browser can decode. */
  notPicture: 'not_picture',
} as const;
export type FileRefusal = (typeof FileRefusal)[keyof typeof FileRefusal];

/** A chosen file that is not taken, and why. */
export class FileRefusedError extends Error {
  readonly refusal: FileRefusal;

  constructor(refusal: FileRefusal, message: string) {
    super(message);
    this.refusal = refusal;
  }
}

export interface DocFilesOptions {
  readonly store: DocFileStore;
  readonly outbox: Outbox;
  readonly api: DocFileApi;
  readonly isOnline: () => boolean;
  readonly diagnostics: Diagnostics;
  readonly now?: () => number;
}

/** The lowercase hex SHA-256 of some bytes (Web Crypto). */
export async function sha256Of(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Attachment types by file extension, for phones that hand over a file without a type. */
const TYPE_BY_EXTENSION: Readonly<Record<string, DocFileMediaType>> = {
  pdf: FileType.pdf,
  docx: FileType.docx,
  xlsx: FileType.xlsx,
};
const ATTACHMENT_TYPES: readonly DocFileMediaType[] = [FileType.pdf, FileType.docx, FileType.xlsx];

function attachmentTypeOf(file: File): DocFileMediaType | null {
  const declared = parseDocFileMediaType(file.type);
  if (declared !== null && ATTACHMENT_TYPES.includes(declared)) {
    return declared;
  }
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return TYPE_BY_EXTENSION[extension] ?? null;
}

/**
 * A document's photos and attachments on this device: taken in (a photo downscaled and
 * re-encoded), kept sealed by SHA-256, uploaded through the outbox when online, fetched from the
 * server when viewed and not here yet, and kept for offline use.
 */
export class DocFiles {
  readonly #options: DocFilesOptions;
  /** Object URLs of the files shown in this tab, one per file for as long as the tab lives. */
  readonly #urls = new Map<string, string>();

  constructor(options: DocFilesOptions) {
    this.#options = options;
    options.outbox.register(OutboxOp.uploadFile, {
      send: async (row, context) => {
        const { sha256, mediaType } = row.payload;
        const file = await options.store.read(sha256);
        if (file === null) {
          throw new ClientError({
            code: ClientErrorCode.notFound,
            status: 404,
            message: `${row.payload.name} is no longer on this device`,
          });
        }
        if (await options.api.has(row.docId, sha256)) {
          return;
        }
        if (!context.claim()) {
          throw new ClientError({ code: ClientErrorCode.cancelled, message: 'The upload was taken back' });
        }
        await options.api.put(row.docId, sha256, new Uint8Array(file.bytes), mediaType);
      },
    });
  }

  /** Takes a picture in: downscaled, kept on this device, queued for upload. Resolves with its node's attributes. */
  async addPhoto(docId: DocId, file: File): Promise<PhotoAttrs> {
    let photo: Awaited<ReturnType<typeof preparePhoto>>;
    try {
      photo = await preparePhoto(file);
    } catch (err) {
      throw new FileRefusedError(
        FileRefusal.notPicture,
        `${file.name} is not a picture this browser can read: ${String(err)}`,
      );
    }
    const sha256 = await this.#keep(docId, photo.bytes, photo.mediaType, file.name);
    return { sha256, mediaType: photo.mediaType, width: photo.width, height: photo.height, alt: '' };
  }

  /** Takes a PDF, DOCX or XLSX in as it is: kept on this device, queued for upload. */
  async addAttachment(docId: DocId, file: File): Promise<FileLinkAttrs> {
    if (file.size > MAX_DOC_FILE_BYTES) {
      throw new FileRefusedError(FileRefusal.tooLarge, `${file.name} has ${file.size} bytes, more than 10 MiB`);
    }
    const mediaType = attachmentTypeOf(file);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (mediaType === null || !docFileBytesMatchType(mediaType, bytes)) {
      throw new FileRefusedError(FileRefusal.wrongType, `${file.name} is not a PDF, DOCX or XLSX file`);
    }
    const sha256 = await this.#keep(docId, bytes, mediaType, file.name);
    const name = [...file.name].slice(0, 200).join('').trim() || 'file';
    return { sha256, name, mediaType, size: bytes.length };
  }

  /**
   * Takes in a file already read and checked elsewhere (an imported document's pictures): kept on
   * this device and queued for upload to `docId`. Resolves with its SHA-256.
   */
  keepBytes(docId: DocId, bytes: Uint8Array<ArrayBuffer>, mediaType: DocFileMediaType, name: string): Promise<string> {
    return this.#keep(docId, bytes, mediaType, name);
  }

  /** The file's bytes from this device, else from the server (then kept here); null when neither has them now. */
  async bytesOf(docId: DocId, sha256: string): Promise<{ bytes: Uint8Array; mediaType: DocFileMediaType } | null> {
    const { store, api, isOnline, diagnostics } = this.#options;
    if (!isSha256(sha256)) {
      return null;
    }
    const kept = await store.read(sha256);
    if (kept !== null) {
      return kept;
    }
    if (!isOnline()) {
      return null;
    }
    try {
      const bytes = await api.get(docId, sha256);
      if (bytes === null) {
        return null;
      }
      const copy = new Uint8Array(bytes);
      // What the server sends is checked against the name the document gives it.
      if ((await sha256Of(copy)) !== sha256) {
        diagnostics.report('files.fetch', new Error(`The server sent other bytes for file ${sha256} of ${docId}`));
        return null;
      }
      const mediaType = sniffType(copy);
      if (mediaType === null) {
        return null;
      }
      await store.save({ sha256, mediaType, bytes: copy, storedAt: this.#now() });
      return { bytes: copy, mediaType };
    } catch (err) {
      diagnostics.report('files.fetch', err);
      return null;
    }
  }

  /** An object URL of the file for this tab; null when its bytes cannot be had now. */
  async urlOf(docId: DocId, sha256: string): Promise<string | null> {
    const known = this.#urls.get(sha256);
    if (known !== undefined) {
      return known;
    }
    const file = await this.bytesOf(docId, sha256);
    if (file === null) {
      return null;
    }
    const url = URL.createObjectURL(new Blob([new Uint8Array(file.bytes)], { type: file.mediaType }));
    this.#urls.set(sha256, url);
    return url;
  }

  /** The bytes of every photo among `sha256s` that can be had now, for an export. */
  async photoBytes(docId: DocId, sha256s: readonly string[]): Promise<Map<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    for (const sha256 of new Set(sha256s)) {
      const file = await this.bytesOf(docId, sha256);
      if (file !== null) {
        found.set(sha256, file.bytes);
      }
    }
    return found;
  }

  async #keep(
    docId: DocId,
    bytes: Uint8Array<ArrayBuffer>,
    mediaType: DocFileMediaType,
    name: string,
  ): Promise<string> {
    const { store, outbox } = this.#options;
    const sha256 = await sha256Of(bytes);
    await store.save({ sha256, mediaType, bytes, storedAt: this.#now() });
    this.#urls.set(sha256, URL.createObjectURL(new Blob([bytes], { type: mediaType })));
    await outbox.enqueue(
      { op: OutboxOp.uploadFile, docId, payload: { sha256, mediaType, name: [...name].slice(0, 500).join('') } },
      {
        unlessQueued: (row) =>
          row.op === OutboxOp.uploadFile && (row.payload as { sha256?: unknown }).sha256 === sha256 && !row.isRefused,
        replaces: (row) =>
          row.op === OutboxOp.uploadFile && (row.payload as { sha256?: unknown }).sha256 === sha256 && row.isRefused,
      },
    );
    return sha256;
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }
}

/** The type of fetched bytes by their first bytes; null when none of the taken types. */
function sniffType(bytes: Uint8Array): DocFileMediaType | null {
  const order: readonly DocFileMediaType[] = [FileType.jpeg, FileType.png, FileType.webp, FileType.pdf, FileType.docx];
  const found = order.find((type) => docFileBytesMatchType(type, bytes)) ?? null;
  // A ZIP is a DOCX or an XLSX: the name tells, not the bytes; either opens in an office app.
  return found;
}
