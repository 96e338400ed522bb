import { categoryListRequestSchema } from '../../../shared/api/committee';
import type { Unit } from '../../../shared/api/handling';
import { submitChecksRequestSchema } from '../../../shared/api/submitChecks';
import { type Category, DEFAULT_CATEGORIES } from '../../../shared/domain/categories';
import { DEFAULT_SUBMIT_CHECKS, type SubmitChecksConfig } from '../../../shared/index';
import type { ApiClient } from '../api';

/** The slice of `Storage` the category cache uses; localStorage by default, a map in tests. */
export interface ListStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Where the last category list seen is kept: it is the committee's, the same for every account. */
const CATEGORIES_KEY = 'jianyan.categories';

function defaultStorage(): ListStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The category list last fetched on this device, else the defaults: what a form shows offline. */
export function cachedCategories(storage: ListStorage | null = defaultStorage()): readonly Category[] {
  const text = storage?.getItem(CATEGORIES_KEY) ?? null;
  if (text === null) {
    return DEFAULT_CATEGORIES;
  }
  try {
    const parsed = categoryListRequestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.categories : DEFAULT_CATEGORIES;
  } catch {
    return DEFAULT_CATEGORIES;
  }
}

/** Remembers a list fetched or saved, for the next time the device is offline. */
export function rememberCategories(
  categories: readonly Category[],
  storage: ListStorage | null = defaultStorage(),
): void {
  try {
    storage?.setItem(CATEGORIES_KEY, JSON.stringify({ categories }));
  } catch {
    // A full or refused storage only costs the offline copy: the form falls back to the defaults.
  }
}

/** The server's category list (remembered on the device), or the one remembered when the server cannot answer. */
export async function loadCategories(api: ApiClient, storage?: ListStorage | null): Promise<readonly Category[]> {
  try {
    const { categories } = await api.categories();
    rememberCategories(categories, storage);
    return categories;
  } catch {
    return cachedCategories(storage);
  }
}

const SUBMIT_CHECKS_KEY = 'jianyan.submitChecks';

/** The checks before submitting last fetched on this device, else the defaults: what the submit dialog runs offline. */
export function cachedSubmitChecks(storage: ListStorage | null = defaultStorage()): SubmitChecksConfig {
  const text = storage?.getItem(SUBMIT_CHECKS_KEY) ?? null;
  if (text === null) {
    return DEFAULT_SUBMIT_CHECKS;
  }
  try {
    const parsed = submitChecksRequestSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.checks : DEFAULT_SUBMIT_CHECKS;
  } catch {
    return DEFAULT_SUBMIT_CHECKS;
  }
}

/** Remembers the checks fetched or saved, for the next time the device is offline. */
export function rememberSubmitChecks(checks: SubmitChecksConfig, storage: ListStorage | null = defaultStorage()): void {
  try {
    storage?.setItem(SUBMIT_CHECKS_KEY, JSON.stringify({ checks }));
  } catch {
    // As for the categories: the dialog falls back to the defaults.
  }
}

/** The server's checks before submitting (remembered on the device), or the ones remembered when it cannot answer. */
export async function loadSubmitChecks(api: ApiClient, storage?: ListStorage | null): Promise<SubmitChecksConfig> {
  try {
    const { checks } = await api.submitChecks();
    rememberSubmitChecks(checks, storage);
    return checks;
  } catch {
    return cachedSubmitChecks(storage);
  }
}

/** The units a proposal may suggest: `available` with the list, `unavailable` when it could not be asked (offline). */
export type UnitsAnswer =
  | { readonly status: 'available'; readonly units: readonly Unit[] }
  | { readonly status: 'unavailable' };

export async function loadUnits(api: ApiClient): Promise<UnitsAnswer> {
  try {
    return { status: 'available', units: await api.handling.listUnits() };
  } catch {
    return { status: 'unavailable' };
  }
}
