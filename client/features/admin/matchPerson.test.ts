import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/api/schemas';
import { matchesPerson } from './matchPerson';

const person = {
  id: '00000000-0000-4000-8000-000000000001',
  username: 'linguodong',
  name: '林国栋',
  role: 'member',
  groupIds: [],
  isActive: true,
} as unknown as Person;

describe('matchesPerson', () => {
  it('matches part of the name or of the username, ignoring case and spaces', () => {
    expect(matchesPerson(person, '国栋', null)).toBe(true);
    expect(matchesPerson(person, ' GUO ', null)).toBe(true);
    expect(matchesPerson(person, '王', null)).toBe(false);
  });

  it('matches the start of the pinyin initials once they are known', () => {
    expect(matchesPerson(person, 'lgd', null)).toBe(false);
    expect(matchesPerson(person, 'lgd', 'lgd')).toBe(true);
    expect(matchesPerson(person, 'lg', 'lgd')).toBe(true);
    expect(matchesPerson(person, 'gd', 'lgd')).toBe(false);
  });

  it('matches everyone when nothing is typed', () => {
    expect(matchesPerson(person, '  ', null)).toBe(true);
  });
});
