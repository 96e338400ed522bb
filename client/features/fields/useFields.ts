import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { type Category, DEFAULT_CATEGORIES } from '../../../shared/domain/categories';
import { ContentField, type DocFields, type DocKind, readFields } from '../../../shared/index';
import { cachedCategories, loadCategories } from '../../core/committee';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';

/** The document's fields as they are in its Y.Doc, following every local and remote change. */
export function useFields(doc: Y.Doc, kind: DocKind | null): DocFields {
  const read = useCallback(() => (kind === null ? {} : readFields(doc, kind)), [doc, kind]);
  const [fields, setFields] = useState<DocFields>(read);
  useEffect(() => {
    const map = doc.getMap(ContentField.fields);
    const update = (): void => setFields(read());
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [doc, read]);
  return fields;
}

/** The committee's category list: the server's when it answers, else the one last seen on this device. */
export function useCategories(): readonly Category[] {
  const { api } = useApp();
  const data = useApiData(useCallback(() => loadCategories(api), [api]));
  if (data.status === 'ready') {
    return data.value;
  }
  return typeof window === 'undefined' ? DEFAULT_CATEGORIES : cachedCategories();
}
