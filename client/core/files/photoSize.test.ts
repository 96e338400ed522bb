import { describe, expect, it } from 'vitest';
import { downscaledSize, keptPhotoType, MAX_PNG_BYTES } from './photoSize';

describe('downscaledSize', () => {
  it('brings the longest side of a phone photo to 1,600 px and keeps its proportions', () => {
    expect(downscaledSize({ width: 4032, height: 3024 })).toEqual({ width: 1600, height: 1200 });
    expect(downscaledSize({ width: 3024, height: 4032 })).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small picture', () => {
    expect(downscaledSize({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
    expect(downscaledSize({ width: 1600, height: 1600 })).toEqual({ width: 1600, height: 1600 });
  });

  it('keeps at least one pixel of a very long strip', () => {
    expect(downscaledSize({ width: 20000, height: 3 })).toEqual({ width: 1600, height: 1 });
  });

  it('refuses an image without pixels', () => {
    expect(() => downscaledSize({ width: 0, height: 10 })).toThrow(RangeError);
  });
});

describe('keptPhotoType', () => {
  it('keeps a small PNG screenshot as PNG and turns everything else into JPEG', () => {
    expect(keptPhotoType('image/png', 200_000)).toBe('image/png');
    expect(keptPhotoType('image/png', MAX_PNG_BYTES + 1)).toBe('image/jpeg');
    expect(keptPhotoType('image/jpeg', null)).toBe('image/jpeg');
    expect(keptPhotoType('image/heic', null)).toBe('image/jpeg');
  });
});
