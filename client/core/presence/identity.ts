import type { Role } from '../../../shared';
import type { Me } from '../../../shared/api/schemas';
import type { Store } from '../lib';
import { deriveStore } from '../lib';

/** How this user appears to others: the name and colour on their caret. */
export interface Identity {
  readonly name: string;
  readonly color: string;
  /** Empty while nobody is signed in. */
  readonly userId: string;
  /** Shown beside the name, so that members see when a chair is reading along. */
  readonly role: Role | null;
}

/** Longest name on a caret label; longer names (up to 40 characters) are cut with an ellipsis. */
export const MAX_NAME_LENGTH = 24;

/** Caret colours with enough contrast for white label text; `#rrggbb` as collaboration-caret requires. */
const CARET_COLORS = ['#c62828', '#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e'] as const;

/** The same user gets the same colour on every device and in every session. */
export function colorOf(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i += 1) {
    hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  }
  return CARET_COLORS[hash % CARET_COLORS.length] ?? CARET_COLORS[0];
}

/**
 * The place of a caret colour in the palette (0 to 7), for a class that tints a selection
 * (styles cannot be inline under the Content-Security-Policy); null for any other colour.
 */
export function caretColorIndex(color: string): number | null {
  const index = (CARET_COLORS as readonly string[]).indexOf(color);
  return index < 0 ? null : index;
}

/** The caret identity of a user; nobody signed in shows no name. */
export function identityOf(me: Me | null): Identity {
  if (me === null) {
    return { name: '', color: CARET_COLORS[0], userId: '', role: null };
  }
  const name = me.name.length > MAX_NAME_LENGTH ? `${me.name.slice(0, MAX_NAME_LENGTH - 1)}…` : me.name;
  return { name, color: colorOf(me.id), userId: me.id, role: me.role };
}

/**
 * The identity of whoever is signed in, following the account: the name comes from the server's
 * record of the user (people do not rename themselves on one device), the colour from their id.
 */
export function createIdentity(
  auth: Pick<Store<unknown>, 'subscribe'>,
  currentUser: () => Me | null,
): Pick<Store<Identity>, 'getSnapshot' | 'subscribe'> {
  return deriveStore([auth], () => identityOf(currentUser()), sameIdentity).store;
}

function sameIdentity(a: Identity, b: Identity): boolean {
  return a.name === b.name && a.color === b.color && a.userId === b.userId && a.role === b.role;
}
