import { createStore, type Store } from '../lib/createStore';

/** How this device appears to others: the name and colour on its caret. */
export interface Identity {
  readonly name: string;
  readonly color: string;
}

const STORAGE_KEY = 'jianyan.identity';
/** Longest display name: it must fit in a caret label. */
export const MAX_NAME_LENGTH = 24;

/** Caret colours with enough contrast for white label text; `#rrggbb` as collaboration-caret requires. */
const CARET_COLORS = ['#c62828', '#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e'] as const;

function randomColor(): string {
  return CARET_COLORS[Math.floor(Math.random() * CARET_COLORS.length)] ?? CARET_COLORS[0];
}

function parseIdentity(text: string | null): Identity | null {
  if (text === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) {
      return null;
    }
    const { name, color } = value as Record<string, unknown>;
    if (typeof name !== 'string' || typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) {
      return null;
    }
    const trimmed = name.trim().slice(0, MAX_NAME_LENGTH);
    return trimmed === '' ? null : { name: trimmed, color };
  } catch {
    return null;
  }
}

function save(identity: Identity): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // Without localStorage the name lasts for this page only.
  }
}

/**
 * The device's identity store. `defaultName` builds the first name (for example "访客-1234")
 * from a random four-digit number; later visits read the saved one.
 */
export function createIdentityStore(defaultName: (n: string) => string): Store<Identity> & {
  rename(name: string): void;
} {
  let initial: Identity | null = null;
  try {
    initial = parseIdentity(localStorage.getItem(STORAGE_KEY));
  } catch {
    initial = null;
  }
  if (initial === null) {
    const n = String(Math.floor(1000 + Math.random() * 9000));
    initial = { name: defaultName(n), color: randomColor() };
    save(initial);
  }
  const store = createStore<Identity>(initial);
  return {
    ...store,
    rename(name) {
      const trimmed = name.trim().slice(0, MAX_NAME_LENGTH);
      if (trimmed !== '') {
        store.update((current) => {
          const next = { ...current, name: trimmed };
          save(next);
          return next;
        });
      }
    },
  };
}
