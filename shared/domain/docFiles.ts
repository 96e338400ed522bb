import { bytesMatchType, MediaType } from './attachments';

/**
 * Files a document's text shows or links to (docs/RULES.md DF1-DF5): photos and attachments,
 * named in the text only by the SHA-256 of their bytes. Pure: which types are taken, how their
 * bytes begin, how a hash is written, how large a file may be.
 */

export const DocFileMediaType = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type DocFileMediaType = (typeof DocFileMediaType)[keyof typeof DocFileMediaType];
export const DOC_FILE_MEDIA_TYPES: readonly DocFileMediaType[] = Object.values(DocFileMediaType);

/** The types a photo node may show; the others are linked, never shown inline. */
export const PHOTO_MEDIA_TYPES: readonly DocFileMediaType[] = [
  DocFileMediaType.jpeg,
  DocFileMediaType.png,
  DocFileMediaType.webp,
];

/** Largest file taken (10 MiB): a downscaled photo or a scanned letter of a few pages fits; the database holds the bytes. */
export const MAX_DOC_FILE_BYTES = 10 * 1024 * 1024;

/** A default quota of the files linked to one document (100 MiB). */
export const DEFAULT_DOC_FILES_QUOTA_BYTES = 100 * 1024 * 1024;
/** A default quota of the distinct files of the whole committee (5 GiB). */
export const DEFAULT_COMMITTEE_FILES_QUOTA_BYTES = 5 * 1024 * 1024 * 1024;

/** A file's name in the text and in URLs: the SHA-256 of its bytes, 64 lowercase hex digits. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && SHA256_PATTERN.test(value);
}

/** The type named by a Content-Type header (parameters and case ignored), or null when not one taken. */
export function parseDocFileMediaType(header: string | null | undefined): DocFileMediaType | null {
  const essence = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return DOC_FILE_MEDIA_TYPES.find((type) => type === essence) ?? null;
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const RIFF = [0x52, 0x49, 0x46, 0x46];
const WEBP = [0x57, 0x45, 0x42, 0x50];

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte);
}

/**
 * Whether `bytes` begin as files of `type` do (DF2): a WebP is a RIFF file whose form is `WEBP`;
 * a .docx or .xlsx is a ZIP; the rest as attachments check them.
 */
export function docFileBytesMatchType(type: DocFileMediaType, bytes: Uint8Array): boolean {
  switch (type) {
    case DocFileMediaType.webp:
      return startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8);
    case DocFileMediaType.xlsx:
      return startsWith(bytes, ZIP_SIGNATURE);
    case DocFileMediaType.jpeg:
      return bytesMatchType(MediaType.jpeg, bytes);
    case DocFileMediaType.png:
      return bytesMatchType(MediaType.png, bytes);
    case DocFileMediaType.pdf:
      return bytesMatchType(MediaType.pdf, bytes);
    case DocFileMediaType.docx:
      return bytesMatchType(MediaType.docx, bytes);
  }
}

/** Which quota an upload would pass: the document's linked files, or the committee's distinct files. */
export const DocFileQuota = { document: 'document', committee: 'committee' } as const;
export type DocFileQuota = (typeof DocFileQuota)[keyof typeof DocFileQuota];

/** Bytes as people read them: `98.2 MiB`, `5 GiB`, `512 KiB`, `300 B`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit]}`;
}
