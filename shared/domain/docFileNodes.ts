import {
  DOC_FILE_MEDIA_TYPES,
  type DocFileMediaType,
  isSha256,
  MAX_DOC_FILE_BYTES,
  PHOTO_MEDIA_TYPES,
} from './docFiles';

/**
 * The two body nodes that reference a document file by the SHA-256 of its bytes (docs/RULES.md
 * D8): `photo`, a block image downscaled on the device, and `fileLink`, an inline attachment (a
 * PDF, DOCX or XLSX). Pure: the attribute rules both the editor and the relay apply.
 */

export const FileNodeName = { photo: 'photo', fileLink: 'fileLink' } as const;
export type FileNodeName = (typeof FileNodeName)[keyof typeof FileNodeName];
export const FILE_NODE_NAMES: readonly string[] = [FileNodeName.photo, FileNodeName.fileLink];

/** Types a photo may have: what the device re-encodes to, and WebP a phone may hand over as is. */
export type PhotoMediaType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Longest side of a photo after downscaling on the device: sharp on a printed A4 page, small to send. */
export const MAX_PHOTO_SIDE_PX = 1600;
/** Longest file name kept on a fileLink, in characters. */
export const MAX_FILE_LINK_NAME = 200;
/** Longest alternative text of a photo, in characters. */
export const MAX_PHOTO_ALT = 500;

export function parsePhotoMediaType(value: unknown): PhotoMediaType | null {
  return (PHOTO_MEDIA_TYPES.find((type) => type === value) as PhotoMediaType | undefined) ?? null;
}

/** The type a node names, or null when not one a document file may have. */
function parseNodeMediaType(value: unknown): DocFileMediaType | null {
  return typeof value === 'string' ? (DOC_FILE_MEDIA_TYPES.find((type) => type === value) ?? null) : null;
}

/** The attributes of a `photo` node. */
export interface PhotoAttrs {
  readonly sha256: string;
  readonly mediaType: PhotoMediaType;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

/** The attributes of a `fileLink` node. */
export interface FileLinkAttrs {
  readonly sha256: string;
  readonly name: string;
  readonly mediaType: DocFileMediaType;
  readonly size: number;
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

function isCleanText(value: unknown, max: number, allowEmpty: boolean): value is string {
  return (
    typeof value === 'string' &&
    (allowEmpty || value.trim() !== '') &&
    [...value].length <= max &&
    !CONTROL_CHARS.test(value)
  );
}

/**
 * A photo's alternative text as D8 accepts it: control characters (a tab pasted from a table, a
 * line break) become spaces, the ends are trimmed, and it is cut to MAX_PHOTO_ALT characters.
 */
export function cleanPhotoAlt(text: string): string {
  return [...text.replace(new RegExp(CONTROL_CHARS.source, 'g'), ' ').trim()].slice(0, MAX_PHOTO_ALT).join('');
}

const PHOTO_CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  sha256: isSha256,
  mediaType: (value) => parsePhotoMediaType(value) !== null,
  width: (value) => isIntegerIn(value, 1, MAX_PHOTO_SIDE_PX),
  height: (value) => isIntegerIn(value, 1, MAX_PHOTO_SIDE_PX),
  alt: (value) => isCleanText(value, MAX_PHOTO_ALT, true),
};

const FILE_LINK_CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  sha256: isSha256,
  name: (value) => isCleanText(value, MAX_FILE_LINK_NAME, false),
  mediaType: (value) => parseNodeMediaType(value) !== null,
  size: (value) => isIntegerIn(value, 1, MAX_DOC_FILE_BYTES),
};

/** Attributes a new node must carry (alt may be left out: it reads as empty). */
const REQUIRED: Readonly<Record<FileNodeName, readonly string[]>> = {
  photo: ['sha256', 'mediaType', 'width', 'height'],
  fileLink: ['sha256', 'name', 'mediaType', 'size'],
};

function checksOf(node: FileNodeName): Readonly<Record<string, (value: unknown) => boolean>> {
  return node === FileNodeName.photo ? PHOTO_CHECKS : FILE_LINK_CHECKS;
}

/** Why one attribute value of a file node is refused, or null when it is valid. */
export function fileNodeAttrProblem(node: FileNodeName, key: string, value: unknown): string | null {
  const check = checksOf(node)[key];
  if (check === undefined) {
    return `${node} has no attribute ${key.slice(0, 40)}`;
  }
  return check(value) ? null : `${node}.${key} is not valid (${String(value).slice(0, 80)})`;
}

/** Why a new file node's attributes are refused (one missing or invalid), or null when all are valid. */
export function fileNodeProblem(node: FileNodeName, attrs: Readonly<Record<string, unknown>>): string | null {
  for (const key of REQUIRED[node]) {
    if (attrs[key] === undefined || attrs[key] === null) {
      return `${node} lacks its ${key}`;
    }
  }
  for (const [key, value] of Object.entries(attrs)) {
    const problem = fileNodeAttrProblem(node, key, value);
    if (problem !== null) {
      return problem;
    }
  }
  return null;
}

export function parseFileNodeName(value: unknown): FileNodeName | null {
  return value === FileNodeName.photo || value === FileNodeName.fileLink ? value : null;
}

/** The photo attributes of a node's attrs, or null when they break a rule. */
export function readPhotoAttrs(attrs: Readonly<Record<string, unknown>>): PhotoAttrs | null {
  const { sha256, mediaType, width, height } = attrs;
  const alt = typeof attrs.alt === 'string' ? attrs.alt : '';
  return fileNodeProblem(FileNodeName.photo, { sha256, mediaType, width, height, alt }) === null
    ? ({ sha256, mediaType, width, height, alt } as PhotoAttrs)
    : null;
}

/** The fileLink attributes of a node's attrs, or null when they break a rule. */
export function readFileLinkAttrs(attrs: Readonly<Record<string, unknown>>): FileLinkAttrs | null {
  const { sha256, name, mediaType, size } = attrs;
  return fileNodeProblem(FileNodeName.fileLink, { sha256, name, mediaType, size }) === null
    ? ({ sha256, name, mediaType, size } as FileLinkAttrs)
    : null;
}
