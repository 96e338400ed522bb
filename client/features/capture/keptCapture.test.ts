import { describe, expect, it } from 'vitest';
import { EMPTY_CAPTURE, isBlankCapture, readKeptCapture } from './keptCapture';

const PHOTO = { sha256: 'a'.repeat(64), name: 'IMG_1.jpg', mediaType: 'image/jpeg', width: 1600, height: 1200 };

describe('readKeptCapture', () => {
  it('reads back what the capture page kept', () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff]);
    const kept = readKeptCapture({
      draft: { title: '村口断桥', happened: '护栏断了', place: '河口镇', contact: '' },
      groupId: 'g1',
      photos: [{ ...PHOTO, bytes }],
    });
    expect(kept).toEqual({
      draft: { title: '村口断桥', happened: '护栏断了', place: '河口镇', contact: '' },
      groupId: 'g1',
      photos: [{ ...PHOTO, bytes }],
    });
    expect(kept === null ? true : isBlankCapture(kept)).toBe(false);
  });

  it('skips what makes no sense, as any row read back from the device', () => {
    expect(readKeptCapture(null)).toBeNull();
    expect(readKeptCapture({ draft: 'x' })).toBeNull();
    const kept = readKeptCapture({
      draft: { title: 5, happened: '有' },
      photos: [{ ...PHOTO, bytes: 'not bytes' }, { ...PHOTO, mediaType: 'image/svg+xml', bytes: new Uint8Array(1) }, 7],
    });
    expect(kept).toEqual({ draft: { ...EMPTY_CAPTURE, happened: '有' }, groupId: null, photos: [] });
  });

  it('calls a form with only blanks blank', () => {
    expect(isBlankCapture({ draft: { ...EMPTY_CAPTURE, title: '  ' }, groupId: 'g1', photos: [] })).toBe(true);
  });
});
