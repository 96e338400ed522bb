import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_SIDE_PX } from '../../../shared/domain/docFileNodes';
import { decodeDataUrl } from '../../core/files';
import { imageSize, type PhotoBytes, photoOf } from './importImages';
import { TEST_PNG } from './testFiles';

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

/** A PNG header claiming `width` × `height` (enough for measuring; not a drawable picture). */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(TEST_PNG.slice(0, 33));
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

describe('pictures of an imported file', () => {
  it('measures PNG, JPEG and WebP headers, and refuses bytes of another type', () => {
    expect(imageSize(TEST_PNG, 'image/png')).toEqual({ width: 48, height: 32 });
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 3, 0, 0, 0]);
    expect(imageSize(jpeg, 'image/jpeg')).toEqual({ width: 40, height: 30 });
    const webp = new Uint8Array(30);
    webp.set(
      [...'RIFF'].map((c) => c.charCodeAt(0)),
      0,
    );
    webp.set(
      [...'WEBPVP8X'].map((c) => c.charCodeAt(0)),
      8,
    );
    webp.set([99, 0, 0, 49, 0, 0], 24);
    expect(imageSize(webp, 'image/webp')).toEqual({ width: 100, height: 50 });
    expect(imageSize(TEST_PNG, 'image/jpeg')).toBeNull();
    expect(decodeDataUrl('data:image/x-emf;base64,AAAA')).toBeNull();
    expect(decodeDataUrl('https://example.cn/a.png')).toBeNull();
  });

  it('downscales a picture over the photo limit, and leaves it out when it cannot', async () => {
    const large = `data:image/png;base64,${base64(pngHeader(4000, 1000))}`;
    expect(await photoOf(large, '', null, 0)).toBeNull();
    const seen: PhotoBytes[] = [];
    const photo = await photoOf(
      large,
      '示意图\u0007',
      async (input) => {
        seen.push(input);
        return { bytes: TEST_PNG, mediaType: 'image/png', width: MAX_PHOTO_SIDE_PX, height: 400 };
      },
      0,
    );
    expect(seen.map(({ width, height }) => [width, height])).toEqual([[4000, 1000]]);
    expect(photo?.attrs).toMatchObject({
      width: MAX_PHOTO_SIDE_PX,
      height: 400,
      alt: '示意图',
      mediaType: 'image/png',
    });
    expect(photo?.file.bytes).toBe(TEST_PNG);
  });
});
