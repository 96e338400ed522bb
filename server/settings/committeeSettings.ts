import { type CategoryList, categoryListRequestSchema } from '../../shared/api/committee';
import { type SubmitChecksSetting, submitChecksRequestSchema } from '../../shared/api/submitChecks';
import { DEFAULT_CATEGORIES } from '../../shared/domain/categories';
import { DEFAULT_SUBMIT_CHECKS } from '../../shared/index';
import { CommitteeSettingKey, type CommitteeSettingsStore } from '../storage/CommitteeSettingsStore';

type SettingsReader = Pick<CommitteeSettingsStore, 'getSetting'>;

function damaged(key: CommitteeSettingKey): Error {
  return new Error(`Stored data is damaged: the committee setting ${key} does not match its schema`);
}

/**
 * The stored category list, or the defaults when the secretariat never edited it. A stored value
 * is read back through the request's schema: a row that no longer passes is damaged data.
 */
export async function readCategories(settings: SettingsReader): Promise<CategoryList> {
  const stored = await settings.getSetting(CommitteeSettingKey.categories);
  if (stored === null) {
    return { categories: DEFAULT_CATEGORIES.map((category) => ({ ...category })), updatedAt: null, updatedBy: null };
  }
  const parsed = categoryListRequestSchema.safeParse(stored.value);
  if (!parsed.success) {
    throw damaged(CommitteeSettingKey.categories);
  }
  return { categories: parsed.data.categories, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
}

/** The checks before submitting as the secretariat set them, or the defaults (shared/domain/submitChecks.ts). */
export async function readSubmitChecks(settings: SettingsReader): Promise<SubmitChecksSetting> {
  const stored = await settings.getSetting(CommitteeSettingKey.submitChecks);
  if (stored === null) {
    return { checks: structuredClone(DEFAULT_SUBMIT_CHECKS), updatedAt: null, updatedBy: null };
  }
  const parsed = submitChecksRequestSchema.safeParse(stored.value);
  if (!parsed.success) {
    throw damaged(CommitteeSettingKey.submitChecks);
  }
  return { checks: parsed.data.checks, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
}
