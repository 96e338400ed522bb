/** The committee's lists documents choose from: categories (cached for offline use) and units. */

export type { Unit } from '../api';
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
