import type { JSONContent } from '@tiptap/core';
import {
  cleanPhotoAlt,
  FileNodeName,
  fileNodeProblem,
  MAX_PHOTO_SIDE_PX,
  type PhotoAttrs,
  type PhotoMediaType,
} from '../../../shared/domain/docFileNodes';
import { MAX_DOC_FILE_BYTES } from '../../../shared/domain/docFiles';
import { decodeDataUrl, sha256Of } from '../../core/files';
import type { StoredDocFile } from '../../core/storage';

/**
 * Pictures of an imported file as `photo` nodes (RULES.md D8): each data-URL image of a kind a
 * photo may be (JPEG, PNG, WebP) and at most 10 MiB is measured from its header, brought within
 * 1600 px by `downscale` when larger, named by the SHA-256 of its bytes and kept for the device's
 * file store. Pictures of other kinds (EMF, WMF, GIF, linked files) are left out and counted.
 */

/** The node `htmlToBody` writes for each picture, to be resolved here before the schema check. */
export const IMAGE_PLACEHOLDER = 'importedImage';

/** A picture as the device will keep it. */
export interface PhotoBytes {
  readonly bytes: Uint8Array;
  readonly mediaType: PhotoMediaType;
  readonly width: number;
  readonly height: number;
}

/** Brings a picture within MAX_PHOTO_SIDE_PX on each side; null when it cannot. */
export type Downscale = (photo: PhotoBytes) => Promise<PhotoBytes | null>;

function readUint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0
  );
}

function readUint16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function readUint24le(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16);
}

/** A picture's size in pixels from its header; null when the bytes are not of `mediaType`. */
export function imageSize(bytes: Uint8Array, mediaType: PhotoMediaType): { width: number; height: number } | null {
  if (mediaType === 'image/png') {
    const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
    return isPng && bytes.length >= 24 ? { width: readUint32(bytes, 16), height: readUint32(bytes, 20) } : null;
  }
  if (mediaType === 'image/jpeg') {
    if (bytes[0] !== 0xff || bytes[1] !== 0xd8) {
      return null;
    }
    let at = 2;
    while (at + 9 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1] ?? 0;
      // Start-of-frame markers (C0-CF except C4, C8, CC) carry the height, then the width.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: readUint16(bytes, at + 7), height: readUint16(bytes, at + 5) };
      }
      at += 2 + readUint16(bytes, at + 2);
    }
    return null;
  }
  const tag = String.fromCharCode(...bytes.subarray(0, 4), ...bytes.subarray(8, 16));
  if (tag === 'RIFFWEBPVP8 ' && bytes.length >= 30) {
    return { width: readUint16(bytes, 26) & 0x3fff, height: readUint16(bytes, 28) & 0x3fff };
  }
  if (tag === 'RIFFWEBPVP8L' && bytes.length >= 25) {
    const bits = readUint32(bytes, 21);
    // The 14-bit sizes are little-endian bit fields after the 0x2f signature byte.
    const le = ((bits & 0xff) << 24) | ((bits & 0xff00) << 8) | ((bits >>> 8) & 0xff00) | (bits >>> 24);
    return { width: (le & 0x3fff) + 1, height: ((le >>> 14) & 0x3fff) + 1 };
  }
  if (tag === 'RIFFWEBPVP8X' && bytes.length >= 30) {
    return { width: readUint24le(bytes, 24) + 1, height: readUint24le(bytes, 27) + 1 };
  }
  return null;
}

/** One picture as a photo and its file, or null when it is left out. */
export async function photoOf(
  src: string,
  alt: string,
  downscale: Downscale | null,
  now: number,
): Promise<{ attrs: PhotoAttrs; file: StoredDocFile } | null> {
  const decoded = decodeDataUrl(src);
  const size = decoded === null ? null : imageSize(decoded.bytes, decoded.mediaType);
  if (decoded === null || size === null || size.width < 1 || size.height < 1) {
    return null;
  }
  let photo: PhotoBytes | null = { ...decoded, ...size };
  if (Math.max(size.width, size.height) > MAX_PHOTO_SIDE_PX) {
    photo = downscale === null ? null : await downscale(photo);
  }
  if (photo === null || photo.bytes.length === 0 || photo.bytes.length > MAX_DOC_FILE_BYTES) {
    return null;
  }
  const sha256 = await sha256Of(photo.bytes as Uint8Array<ArrayBuffer>);
  const attrs = {
    sha256,
    mediaType: photo.mediaType,
    width: photo.width,
    height: photo.height,
    alt: cleanPhotoAlt(alt),
  };
  if (fileNodeProblem(FileNodeName.photo, attrs) !== null) {
    return null;
  }
  return { attrs, file: { sha256, mediaType: photo.mediaType, bytes: photo.bytes, storedAt: now } };
}

export interface ResolvedImages {
  readonly doc: JSONContent;
  /** The photos' bytes, one per distinct picture, to keep on the device before the document is made. */
  readonly files: readonly StoredDocFile[];
  /** How many pictures were left out. */
  readonly dropped: number;
}

/** Replaces each picture placeholder of `doc` by a photo node, or removes it when it is left out. */
export async function resolveImages(doc: JSONContent, downscale: Downscale | null): Promise<ResolvedImages> {
  const files = new Map<string, StoredDocFile>();
  let dropped = 0;
  const now = Date.now();
  const walk = async (node: JSONContent): Promise<JSONContent | null> => {
    if (node.type === IMAGE_PLACEHOLDER) {
      const photo = await photoOf(String(node.attrs?.src ?? ''), String(node.attrs?.alt ?? ''), downscale, now);
      if (photo === null) {
        dropped += 1;
        return null;
      }
      files.set(photo.file.sha256, photo.file);
      return { type: FileNodeName.photo, attrs: { ...photo.attrs } };
    }
    if (node.content === undefined) {
      return node;
    }
    const content: JSONContent[] = [];
    for (const child of node.content) {
      const resolved = await walk(child);
      if (resolved !== null) {
        content.push(resolved);
      }
    }
    return { ...node, content: repaired(node.type, content) };
  };
  const resolved = (await walk(doc)) ?? { type: 'doc' };
  return { doc: resolved, files: [...files.values()], dropped };
}

/** Content a node must still have after its pictures were removed (a list item starts with a paragraph). */
function repaired(type: string | undefined, content: JSONContent[]): JSONContent[] {
  const needsParagraphFirst = type === 'listItem' && content[0]?.type !== 'paragraph';
  const needsBlock =
    (type === 'doc' || type === 'tableCell' || type === 'tableHeader' || type === 'blockquote') && content.length === 0;
  return needsParagraphFirst || needsBlock ? [{ type: 'paragraph' }, ...content] : content;
}

/**
 * The browser's downscaler: draws the picture at most MAX_PHOTO_SIDE_PX on its longer side and
 * encodes it as JPEG (PNG when it may have transparency). Null where the browser cannot.
 */
export const browserDownscale: Downscale = async (photo) => {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') {
    return null;
  }
  try {
    const bitmap = await createImageBitmap(
      new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: photo.mediaType }),
    );
    const scale = MAX_PHOTO_SIDE_PX / Math.max(bitmap.width, bitmap.height);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
    bitmap.close();
    const mediaType: PhotoMediaType = photo.mediaType === 'image/jpeg' ? 'image/jpeg' : 'image/png';
    const blob = await canvas.convertToBlob({ type: mediaType, quality: 0.85 });
    return { bytes: new Uint8Array(await blob.arrayBuffer()), mediaType, width, height };
  } catch {
    return null;
  }
};
