import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrPath } from './qrPath';

describe('the check-in QR code', () => {
  it('draws one unit square per dark module, where it is', () => {
    expect(
      qrPath([
        [true, false],
        [false, true],
      ]),
    ).toBe('M0 0h1v1h-1zM1 1h1v1h-1z');
  });

  it('draws a check-in address as a square matrix with its quiet border', () => {
    const qr = encode('https://jianyan.example/check-in/6f1c3a52?code=x', { ecc: 'M', border: 3 });
    expect(qr.data).toHaveLength(qr.size);
    expect(qr.data[0]?.some(Boolean)).toBe(false);
    expect(qrPath(qr.data).split('z').length - 1).toBe(qr.data.flat().filter(Boolean).length);
  });
});
