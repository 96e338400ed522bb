import { describe, expect, it } from 'vitest';
import { bytesMatchType, cleanAttachmentName, contentDisposition, MediaType, parseMediaType } from './attachments';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('attachments (AT2, AT3)', () => {
  it('knows the four types it takes, parameters and case aside', () => {
    expect(parseMediaType('application/PDF; charset=binary')).toBe(MediaType.pdf);
    expect(parseMediaType('image/png')).toBe(MediaType.png);
    expect(parseMediaType('image/gif')).toBeNull();
    expect(parseMediaType(null)).toBeNull();
  });

  it('checks the bytes against the type by their magic numbers', () => {
    expect(bytesMatchType(MediaType.pdf, new TextEncoder().encode('%PDF-1.7\n'))).toBe(true);
    expect(bytesMatchType(MediaType.pdf, bytes(0x50, 0x4b, 0x03, 0x04, 0))).toBe(false);
    expect(bytesMatchType(MediaType.docx, bytes(0x50, 0x4b, 0x03, 0x04, 0))).toBe(true);
    expect(bytesMatchType(MediaType.jpeg, bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(true);
    expect(bytesMatchType(MediaType.png, bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe(true);
    expect(bytesMatchType(MediaType.png, bytes(0x89, 0x50))).toBe(false);
    expect(bytesMatchType(MediaType.jpeg, bytes())).toBe(false);
  });

  it('keeps the last segment of a name, without control characters or quotes', () => {
    expect(cleanAttachmentName('C:\\扫描\\关于养老的答复函.pdf')).toBe('关于养老的答复函.pdf');
    expect(cleanAttachmentName('../../etc/passwd')).toBe('passwd');
    expect(cleanAttachmentName('a"b\u0000c.pdf')).toBe('abc.pdf');
    expect(cleanAttachmentName('  ')).toBeNull();
    expect(cleanAttachmentName('..')).toBeNull();
    expect([...(cleanAttachmentName('长'.repeat(300)) ?? '')]).toHaveLength(200);
  });

  it('names a Chinese file for the download by RFC 5987, with an ASCII fallback', () => {
    expect(contentDisposition('答复函 (1).pdf')).toBe(
      `attachment; filename="___ (1).pdf"; filename*=UTF-8''%E7%AD%94%E5%A4%8D%E5%87%BD%20%281%29.pdf`,
    );
  });
});
