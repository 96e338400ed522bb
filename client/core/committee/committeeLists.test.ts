import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../../shared/domain/categories';
import type { ApiClient } from '../api';
import { ClientError } from '../errors';
import { cachedCategories, type ListStorage, loadCategories, loadUnits } from './committeeLists';

function memoryStorage(): ListStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('the committee lists on the device', () => {
  it('remembers the categories fetched and answers them offline; the defaults before, or for damaged data', async () => {
    const storage = memoryStorage();
    expect(cachedCategories(storage)).toEqual(DEFAULT_CATEGORIES);
    const list = [{ id: 'rural', name: '乡村振兴' }];
    const online = { categories: async () => ({ categories: list, updatedAt: 1, updatedBy: null }) };
    expect(await loadCategories(online as unknown as ApiClient, storage)).toEqual(list);
    const offline = {
      categories: async () => {
        throw new ClientError({ code: 'network', message: 'offline' });
      },
    };
    expect(await loadCategories(offline as unknown as ApiClient, storage)).toEqual(list);
    storage.items.set('jianyan.categories', '{"categories": 3');
    expect(cachedCategories(storage)).toEqual(DEFAULT_CATEGORIES);
  });

  it('answers the units, or that they could not be asked', async () => {
    const offline = {
      handling: {
        listUnits: async () => {
          throw new ClientError({ code: 'network', message: 'no' });
        },
      },
    } as unknown as ApiClient;
    expect(await loadUnits(offline)).toEqual({ status: 'unavailable' });
    const units = [{ id: 'u1', name: '县发展改革局', isActive: true, createdAt: 1 }];
    expect(await loadUnits({ handling: { listUnits: async () => units } } as unknown as ApiClient)).toEqual({
      status: 'available',
      units,
    });
  });
});
