/**
 * Files tied to a document (docs/RULES.md AT1-AT4): a unit's reply letter (答复函) to a proposal
 * handed to it, or the evidence of the use made of a report (a scan or a text of the bulletin,
 * the instruction). Pure: which types are taken, how their bytes must begin, how names are cleaned.
 */

/** What a file is for: a reply letter uploaded by a handling unit, or evidence uploaded by the secretariat. */
export const AttachmentKind = { replyLetter: 'reply_letter', evidence: 'evidence' } as const;
export type AttachmentKind = (typeof AttachmentKind)[keyof typeof AttachmentKind];
export const ATTACHMENT_KINDS: readonly AttachmentKind[] = [AttachmentKind.replyLetter, AttachmentKind.evidence];

export function parseAttachmentKind(value: unknown): AttachmentKind | null {
  return ATTACHMENT_KINDS.find((kind) => kind === value) ?? null;
}

export const MediaType = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;
export type MediaType = (typeof MediaType)[keyof typeof MediaType];
export const MEDIA_TYPES: readonly MediaType[] = [MediaType.pdf, MediaType.docx, MediaType.jpeg, MediaType.png];

/** The types each kind takes: a reply letter is a document; evidence may also be a photo or a scan. */
export const KIND_MEDIA_TYPES: { readonly [K in AttachmentKind]: readonly MediaType[] } = {
  reply_letter: [MediaType.pdf, MediaType.docx],
  evidence: MEDIA_TYPES,
};

/** Largest file taken: a scanned letter of a few pages fits; the database holds the bytes (10 MiB). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Longest file name kept, in characters. */
export const MAX_ATTACHMENT_NAME = 200;

/** How the bytes of each type begin (its magic number). */
const SIGNATURES: { readonly [T in MediaType]: readonly number[] } = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [0x50, 0x4b, 0x03, 0x04], // a zip
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** The media type named by a Content-Type header (parameters and case ignored), or null when not one we take. */
export function parseMediaType(header: string | null | undefined): MediaType | null {
  const essence = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return MEDIA_TYPES.find((type) => type === essence) ?? null;
}

/** Whether `bytes` begin as files of `type` do: a file that says it is a PDF but is not one is refused. */
export function bytesMatchType(type: MediaType, bytes: Uint8Array): boolean {
  const signature = SIGNATURES[type];
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/**
 * The name kept for an uploaded file: its last path segment, control characters and quotes
 * removed, trimmed to MAX_ATTACHMENT_NAME characters; null when nothing is left.
 */
export function cleanAttachmentName(raw: string): string | null {
  const last = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = last.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const chars = [...cleaned];
  const kept = chars.length > MAX_ATTACHMENT_NAME ? chars.slice(0, MAX_ATTACHMENT_NAME).join('') : cleaned;
  return kept === '' || kept === '.' || kept === '..' ? null : kept;
}

/**
 * The Content-Disposition of a download: an ASCII fallback name for old clients and the real
 * one as RFC 5987 `filename*` (UTF-8, percent-encoded), so that a Chinese name arrives whole.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
