import { describe, expect, it } from 'vitest';
import { DocFileMediaType, docFileBytesMatchType, formatBytes, isSha256, parseDocFileMediaType } from './docFiles';

const ZIP = [0x50, 0x4b, 0x03, 0x04, 20, 0];

describe('document files (DF2)', () => {
  it('takes the six types by their Content-Type, parameters and case ignored', () => {
    expect(parseDocFileMediaType('Image/WebP')).toBe(DocFileMediaType.webp);
    expect(parseDocFileMediaType('application/pdf; charset=binary')).toBe(DocFileMediaType.pdf);
    expect(parseDocFileMediaType(DocFileMediaType.xlsx)).toBe(DocFileMediaType.xlsx);
    expect(parseDocFileMediaType('image/gif')).toBeNull();
    expect(parseDocFileMediaType(null)).toBeNull();
  });

  it('checks each type’s first bytes: a WebP is RIFF of form WEBP, Office files are ZIPs', () => {
    const webp = new Uint8Array([...Buffer.from('RIFF'), 1, 0, 0, 0, ...Buffer.from('WEBP')]);
    expect(docFileBytesMatchType(DocFileMediaType.webp, webp)).toBe(true);
    expect(
      docFileBytesMatchType(DocFileMediaType.webp, new Uint8Array(Buffer.from('RIFF\u0001\u0000\u0000\u0000WAVE'))),
    ).toBe(false);
    expect(docFileBytesMatchType(DocFileMediaType.webp, new Uint8Array(Buffer.from('RIFF')))).toBe(false);
    expect(docFileBytesMatchType(DocFileMediaType.xlsx, new Uint8Array(ZIP))).toBe(true);
    expect(docFileBytesMatchType(DocFileMediaType.docx, new Uint8Array(ZIP))).toBe(true);
    expect(docFileBytesMatchType(DocFileMediaType.jpeg, new Uint8Array([0xff, 0xd8, 0xff, 0xdb]))).toBe(true);
    expect(docFileBytesMatchType(DocFileMediaType.png, new Uint8Array([0xff, 0xd8, 0xff, 0xdb]))).toBe(false);
    expect(docFileBytesMatchType(DocFileMediaType.pdf, new Uint8Array(Buffer.from('%PDF-1.7')))).toBe(true);
  });

  it('names a file by 64 lowercase hex digits only', () => {
    expect(isSha256('a'.repeat(64))).toBe(true);
    expect(isSha256('A'.repeat(64))).toBe(false);
    expect(isSha256('a'.repeat(63))).toBe(false);
    expect(isSha256(7)).toBe(false);
  });

  it('writes sizes as people read them', () => {
    expect(formatBytes(300)).toBe('300 B');
    expect(formatBytes(64 * 1024)).toBe('64 KiB');
    expect(formatBytes(98.2 * 1024 * 1024)).toBe('98.2 MiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GiB');
  });
});
