import { describe, expect, it } from 'vitest';
import { cleanPhotoAlt, FileNodeName, fileNodeAttrProblem, MAX_PHOTO_ALT } from './docFileNodes';

describe('cleanPhotoAlt', () => {
  it('makes any typed or pasted caption one D8 accepts', () => {
    const pasted = ' 图1\t河口镇断桥\n现状\u0000 ';
    expect(fileNodeAttrProblem(FileNodeName.photo, 'alt', pasted)).not.toBeNull();
    const clean = cleanPhotoAlt(pasted);
    expect(clean).toBe('图1 河口镇断桥 现状');
    expect(fileNodeAttrProblem(FileNodeName.photo, 'alt', clean)).toBeNull();
    const long = cleanPhotoAlt('桥'.repeat(MAX_PHOTO_ALT + 10));
    expect([...long]).toHaveLength(MAX_PHOTO_ALT);
    expect(fileNodeAttrProblem(FileNodeName.photo, 'alt', long)).toBeNull();
    expect(cleanPhotoAlt('')).toBe('');
  });
});
