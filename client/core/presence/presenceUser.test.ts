import { describe, expect, it } from 'vitest';
import { type KnownPerson, type PresenceUser, shownPresence } from './presenceUser';

function declared(overrides: Partial<PresenceUser> = {}): PresenceUser {
  return { name: '自称主席', color: '#336699', userId: 'u-1', role: 'chair', isTyping: false, ...overrides };
}

describe('shownPresence', () => {
  const known = new Map<string, KnownPerson>([['u-1', { name: '王芳', role: 'member' }]]);

  it('shows the name and role the workspace knows, not what the client declared', () => {
    expect(shownPresence(declared(), known)).toMatchObject({ name: '王芳', role: 'member', color: '#336699' });
  });

  it('shows an unknown user as declared, but never with a role', () => {
    expect(shownPresence(declared({ userId: 'u-9' }), known)).toMatchObject({ name: '自称主席', role: null });
    expect(shownPresence(declared({ userId: '' }), known)).toMatchObject({ name: '自称主席', role: null });
  });
});
