import type { PreparedPhoto } from '../../core/files';

/**
 * The names the capture page's input is kept under in the device's form drafts (`FormDraftStore`):
 * its text and group, and apart from them its photos, so that typing does not write their bytes again.
 */
export const CAPTURE_FORM = 'capture';
export const CAPTURE_PHOTOS_FORM = 'capture.photos';

/** What the capture form holds as text. */
export interface CaptureDraft {
  readonly title: string;
  readonly happened: string;
  readonly place: string;
  readonly contact: string;
}

export const EMPTY_CAPTURE: CaptureDraft = { title: '', happened: '', place: '', contact: '' };

export interface KeptPhoto extends PreparedPhoto {
  readonly sha256: string;
  readonly name: string;
}

/** The capture form's input as kept on the device until it is saved as a document. */
export interface KeptCapture {
  readonly draft: CaptureDraft;
  readonly groupId: string | null;
  readonly photos: readonly KeptPhoto[];
}

/** Whether nothing has been typed or taken: nothing to keep. */
export function isBlankCapture(kept: KeptCapture): boolean {
  return isBlankDraft(kept.draft) && kept.photos.length === 0;
}

/** Whether nothing has been typed. */
export function isBlankDraft(draft: CaptureDraft): boolean {
  return Object.values(draft).every((value) => value.trim() === '');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function photoOf(raw: unknown): KeptPhoto[] {
  if (!isRecord(raw) || !(raw.bytes instanceof Uint8Array) || typeof raw.sha256 !== 'string') {
    return [];
  }
  const { width, height, mediaType } = raw;
  if (mediaType !== 'image/jpeg' && mediaType !== 'image/png') {
    return [];
  }
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height)) {
    return [];
  }
  return [
    {
      sha256: raw.sha256,
      name: text(raw.name),
      mediaType,
      width: width as number,
      height: height as number,
      bytes: new Uint8Array(raw.bytes),
    },
  ];
}

/** The kept input read back from the device, or null when there is none that makes sense. */
export function readKeptCapture(raw: unknown): KeptCapture | null {
  if (!isRecord(raw) || !isRecord(raw.draft)) {
    return null;
  }
  const draft = raw.draft;
  return {
    draft: {
      title: text(draft.title),
      happened: text(draft.happened),
      place: text(draft.place),
      contact: text(draft.contact),
    },
    groupId: typeof raw.groupId === 'string' ? raw.groupId : null,
    photos: Array.isArray(raw.photos) ? raw.photos.flatMap(photoOf) : [],
  };
}
