/** The committee's lists documents choose from: categories (cached for offline use) and units. */

export type { Unit } from '../api';
export {
  cachedCategories,
  type ListStorage,
  loadCategories,
  loadUnits,
  rememberCategories,
  type UnitsAnswer,
} from './committeeLists';
