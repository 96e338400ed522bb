/** The committee's lists documents choose from: categories (cached for offline use) and units. */

export type { Unit } from '../../../shared/api/handling';
export {
  cachedCategories,
  cachedSubmitChecks,
  type ListStorage,
  loadCategories,
  loadSubmitChecks,
  loadUnits,
  rememberCategories,
  rememberSubmitChecks,
  type UnitsAnswer,
} from './committeeLists';
