import { type PhotoMediaType, parsePhotoMediaType } from '../../../shared/domain/docFileNodes';
import { MAX_DOC_FILE_BYTES } from '../../../shared/domain/docFiles';

/** The bytes and type of a base64 data URL of a photo type; null for anything else. */
export function decodeDataUrl(src: string): { bytes: Uint8Array; mediaType: PhotoMediaType } | null {
  const match = /^data:([a-z0-9.+/-]+);base64,([a-z0-9+/=\s]+)$/i.exec(src.trim());
  const mediaType = parsePhotoMediaType(
    match?.[1]?.toLowerCase() === 'image/jpg' ? 'image/jpeg' : match?.[1]?.toLowerCase(),
  );
  if (match === null || mediaType === null) {
    return null;
  }
  // Four base64 characters carry three bytes: refuse what is too large before decoding it.
  const encoded = (match[2] ?? '').replace(/\s/g, '');
  if ((encoded.length / 4) * 3 > MAX_DOC_FILE_BYTES + 3) {
    return null;
  }
  try {
    return { bytes: Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0)), mediaType };
  } catch {
    return null;
  }
}
