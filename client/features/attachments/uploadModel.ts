import type { AdoptionRecord } from '../../../shared/domain/adoptions';
import {
  type AttachmentKind,
  KIND_MEDIA_TYPES,
  MAX_ATTACHMENT_BYTES,
  MediaType,
  parseMediaType,
} from '../../../shared/domain/attachments';

/** The types a file input offers for each kind, by extension and type. */
export const ACCEPT: { readonly [K in AttachmentKind]: string } = {
  reply_letter: `.pdf,.docx,${MediaType.pdf},${MediaType.docx}`,
  evidence: `.pdf,.docx,.jpg,.jpeg,.png,${MediaType.pdf},${MediaType.docx},${MediaType.jpeg},${MediaType.png}`,
};

const BY_EXTENSION: Readonly<Record<string, MediaType>> = {
  pdf: MediaType.pdf,
  docx: MediaType.docx,
  jpg: MediaType.jpeg,
  jpeg: MediaType.jpeg,
  png: MediaType.png,
};

/** Why a chosen file is not sent: the server would refuse it the same way (RULES.md AT2). */
export type UploadProblem = 'type' | 'size' | 'empty';

/**
 * The media type to send a chosen file with, or why it cannot be sent. The browser's type is
 * used when it is one we take; some systems give a .docx no type, so the extension decides then.
 */
export function uploadMediaType(
  file: { readonly name: string; readonly type: string; readonly size: number },
  kind: AttachmentKind,
): { readonly ok: true; readonly mediaType: MediaType } | { readonly ok: false; readonly problem: UploadProblem } {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const mediaType = parseMediaType(file.type) ?? BY_EXTENSION[extension] ?? null;
  if (mediaType === null || !KIND_MEDIA_TYPES[kind].includes(mediaType)) {
    return { ok: false, problem: 'type' };
  }
  if (file.size === 0) {
    return { ok: false, problem: 'empty' };
  }
  if (file.size > MAX_ATTACHMENT_BYTES) {
    return { ok: false, problem: 'size' };
  }
  return { ok: true, mediaType };
}

/** A size as people read it: 532 KB, 2.4 MB. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) {
    return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The start of a date input's day (yyyy-mm-dd) in the committee's calendar (UTC+8), as ms. */
export function startOfDay(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) {
    return null;
  }
  const [, year, month, day] = match;
  return Date.UTC(Number(year), Number(month) - 1, Number(day), -8);
}

/** The records newest first, as the panel lists them. */
export function newestFirst(records: readonly AdoptionRecord[]): AdoptionRecord[] {
  return [...records].sort((a, b) => b.at - a.at || b.recordedAt - a.recordedAt);
}
