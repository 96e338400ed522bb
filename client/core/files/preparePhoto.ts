import { downscaledSize, JPEG_QUALITY, keptPhotoType } from './photoSize';

/** A picture as the document keeps it: downscaled, re-encoded, with its final size. */
export interface PreparedPhoto {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly mediaType: 'image/jpeg' | 'image/png';
  readonly width: number;
  readonly height: number;
}

async function encode(canvas: OffscreenCanvas | HTMLCanvasElement, type: string): Promise<Blob> {
  if (canvas instanceof HTMLCanvasElement) {
    return new Promise((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob === null ? reject(new Error(`The picture could not be encoded as ${type}`)) : resolve(blob)),
        type,
        JPEG_QUALITY,
      ),
    );
  }
  return canvas.convertToBlob({ type, quality: JPEG_QUALITY });
}

function canvasOf(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
  if (typeof OffscreenCanvas !== 'undefined') {
    return new OffscreenCanvas(width, height);
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/**
 * Decodes a picture the member chose (turned upright as its EXIF orientation says), brings its
 * longest side to 1,600 px and re-encodes it: JPEG at quality 0.85, or PNG for a small enough
 * screenshot. Rejects when the browser cannot decode it (not a picture, or a HEIC it cannot read).
 */
export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const size = downscaledSize({ width: bitmap.width, height: bitmap.height });
    const canvas = canvasOf(size.width, size.height);
    const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
    if (context === null) {
      throw new Error('This browser cannot draw the picture');
    }
    context.imageSmoothingQuality = 'high';
    if (file.type !== 'image/png') {
      // A transparent area of a re-encoded JPEG would turn black: paper white instead.
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, size.width, size.height);
    }
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const png = file.type === 'image/png' ? await encode(canvas, 'image/png') : null;
    const mediaType = keptPhotoType(file.type, png?.size ?? null);
    const blob = mediaType === 'image/png' && png !== null ? png : await encodeJpeg(canvas, size, file.type);
    return { bytes: new Uint8Array(await blob.arrayBuffer()), mediaType, ...size };
  } finally {
    bitmap.close();
  }
}

/** A JPEG of the canvas; a PNG drawn with transparency gets a white page under it first. */
async function encodeJpeg(
  canvas: OffscreenCanvas | HTMLCanvasElement,
  size: { width: number; height: number },
  sourceType: string,
): Promise<Blob> {
  if (sourceType !== 'image/png') {
    return encode(canvas, 'image/jpeg');
  }
  const flat = canvasOf(size.width, size.height);
  const context = flat.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (context === null) {
    throw new Error('This browser cannot draw the picture');
  }
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(canvas, 0, 0);
  return encode(flat, 'image/jpeg');
}
