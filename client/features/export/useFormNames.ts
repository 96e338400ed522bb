import { useCallback, useMemo } from 'react';
import { cachedCategories } from '../../core/committee';
import type { FormalDocumentSource } from '../../core/export';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';

/**
 * The names a document's 基本信息 refer to by id, for its printed form: the categories as last
 * fetched on this device, and the units when the server can be asked (offline they print blank).
 */
export function useFormNames(): NonNullable<FormalDocumentSource['names']> {
  const { api } = useApp();
  const units = useApiData(useCallback(() => api.handling.listUnits(), [api]));
  const unitList = units.status === 'ready' ? units.value : null;
  return useMemo(() => ({ categories: cachedCategories(), units: unitList ?? [] }), [unitList]);
}
