import { describe, expect, it } from 'vitest';
import { usernameFromName } from './usernameFromName';

const nothingTaken = (): boolean => false;

describe('usernameFromName', () => {
  it('spells a Chinese name in pinyin without tones', () => {
    expect(usernameFromName('林国栋', nothingTaken)).toBe('linguodong');
    expect(usernameFromName('吕芳', nothingTaken)).toBe('lvfang');
  });

  it('keeps the letters and digits of a name written otherwise', () => {
    expect(usernameFromName('Anna Lee', nothingTaken)).toBe('annalee');
    expect(usernameFromName('·', nothingTaken)).toBe('user');
  });

  it('adds a number when the name is taken, by an account or an earlier line', () => {
    const taken = new Set(['linguodong', 'linguodong2']);
    expect(usernameFromName('林国栋', (username) => taken.has(username))).toBe('linguodong3');
  });
});
