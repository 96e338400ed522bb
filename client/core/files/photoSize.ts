import { MAX_PHOTO_SIDE_PX } from '../../../shared/domain/docFileNodes';

/** Whole pixels of an image. */
export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The size a photo is kept at: its longest side at most `maxSide` (1,600 px), its proportions
 * kept, never enlarged, each side at least 1 px.
 */
export function downscaledSize(size: PixelSize, maxSide: number = MAX_PHOTO_SIDE_PX): PixelSize {
  const { width, height } = size;
  if (!(width > 0 && height > 0)) {
    throw new RangeError(`An image of ${width} x ${height} px has no pixels`);
  }
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    width: Math.min(maxSide, Math.max(1, Math.round(width * scale))),
    height: Math.min(maxSide, Math.max(1, Math.round(height * scale))),
  };
}

/** JPEG quality of a re-encoded photo: text on a whiteboard stays legible, a phone photo shrinks about tenfold. */
export const JPEG_QUALITY = 0.85;
/**
 * A PNG (a screenshot) stays PNG, lossless and sharp, while its re-encoded bytes are at most this;
 * a larger one (a photo saved as PNG) becomes a JPEG.
 */
export const MAX_PNG_BYTES = 1024 * 1024;

/** Which type a picture is kept as: PNG for a small enough PNG source, JPEG otherwise. */
export function keptPhotoType(sourceType: string, pngBytes: number | null): 'image/png' | 'image/jpeg' {
  return sourceType === 'image/png' && pngBytes !== null && pngBytes <= MAX_PNG_BYTES ? 'image/png' : 'image/jpeg';
}
