import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/domain/attachments';
import { sizeText, startOfDay, uploadMediaType } from './uploadModel';

describe('choosing a file to upload (AT2)', () => {
  it('takes the browser type, or the extension when the browser gives none', () => {
    expect(uploadMediaType({ name: '答复函.pdf', type: 'application/pdf', size: 10 }, 'reply_letter')).toEqual({
      ok: true,
      mediaType: 'application/pdf',
    });
    expect(uploadMediaType({ name: '答复函.DOCX', type: '', size: 10 }, 'reply_letter')).toMatchObject({
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('refuses a photo as a reply letter, an empty file and one over 10 MiB', () => {
    expect(uploadMediaType({ name: 'a.jpg', type: 'image/jpeg', size: 10 }, 'reply_letter')).toEqual({
      ok: false,
      problem: 'type',
    });
    expect(uploadMediaType({ name: 'a.jpg', type: 'image/jpeg', size: 10 }, 'evidence').ok).toBe(true);
    expect(uploadMediaType({ name: 'a.pdf', type: 'application/pdf', size: 0 }, 'evidence')).toEqual({
      ok: false,
      problem: 'empty',
    });
    expect(
      uploadMediaType({ name: 'a.pdf', type: 'application/pdf', size: MAX_ATTACHMENT_BYTES + 1 }, 'evidence'),
    ).toEqual({ ok: false, problem: 'size' });
  });

  it('says sizes and days as people read them', () => {
    expect(sizeText(300)).toBe('1 KB');
    expect(sizeText(2.5 * 1024 * 1024)).toBe('2.5 MB');
    expect(startOfDay('2026-01-05')).toBe(Date.UTC(2026, 0, 4, 16));
    expect(startOfDay('5.1.2026')).toBeNull();
  });
});
