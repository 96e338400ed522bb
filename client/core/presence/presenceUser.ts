import { parseRole, type Role } from '../../../shared';
import type { Me, Person } from '../../../shared/api/schemas';
import type { Identity } from './identity';

/** What each person publishes about themselves in a document's awareness state (`user`). */
export interface PresenceUser {
  readonly name: string;
  readonly color: string;
  readonly userId: string;
  readonly role: Role | null;
  /** True while they are typing (changed the content in the last few seconds). */
  readonly isTyping: boolean;
}

/** How long after the last keystroke someone still shows as typing. */
export const TYPING_HOLD_MS = 2500;

export function presenceUserOf(identity: Identity, isTyping: boolean): PresenceUser {
  return { name: identity.name, color: identity.color, userId: identity.userId, role: identity.role, isTyping };
}

/**
 * Reads another client's `user` field; awareness states come from other devices, so anything
 * that is not a well-formed user shows nobody rather than breaking the page.
 */
export function readPresenceUser(value: unknown): PresenceUser | null {
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  const { name, color, userId, role, isTyping } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.length === 0 || typeof color !== 'string') {
    return null;
  }
  return {
    name,
    color,
    userId: typeof userId === 'string' ? userId : '',
    role: typeof role === 'string' ? parseRole(role) : null,
    isTyping: isTyping === true,
  };
}

/** What the workspace says about a person: the name and role shown, whatever their client declares. */
export interface KnownPerson {
  readonly name: string;
  readonly role: Role;
}

/**
 * The presence as shown: a person of the cached workspace shows their name and role from it; an
 * unknown user shows the name they declared, never a role (a client could claim to be 主席 and get
 * the reviewer's ring).
 */
export function shownPresence(user: PresenceUser, known: ReadonlyMap<string, KnownPerson>): PresenceUser {
  const person = user.userId === '' ? undefined : known.get(user.userId);
  return person === undefined
    ? { ...user, role: null }
    : { ...user, name: person.name.length > 0 ? person.name : user.name, role: person.role };
}

/** Everyone the cached workspace knows, by user id, with the name and role the server gave them. */
export function knownPeopleOf(
  workspace: { readonly people: readonly Person[]; readonly me: Me } | null,
): ReadonlyMap<string, KnownPerson> {
  const byId = new Map<string, KnownPerson>();
  for (const person of workspace?.people ?? []) {
    byId.set(person.id, person);
  }
  if (workspace !== null) {
    byId.set(workspace.me.id, workspace.me);
  }
  return byId;
}
