import {
  type SavedSearchIndex,
  SEARCH_INDEX_FORMAT,
  type SearchFilters,
  type SearchHit,
  SearchIndex,
} from './SearchIndex';
import { entryOf, type SearchSource } from './searchSource';

/** What the search service asks of the index, wherever it runs (a Web Worker in the app). */
export interface SearchEngine {
  /** Starts from a saved index (null or not valid: empty). Resolves with the stamp of each document it holds. */
  load(saved: unknown): Promise<Map<string, string>>;
  /** Indexes these documents anew and forgets the removed ones. Resolves with the ids that could not be read. */
  update(sources: readonly SearchSource[], removed: readonly string[]): Promise<string[]>;
  search(query: string, filters: SearchFilters): Promise<SearchHit[]>;
  /** The index to save. */
  save(): Promise<SavedSearchIndex>;
  close(): void;
}

function isSavedIndex(value: unknown): value is SavedSearchIndex {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { format, index, entries } = value as Record<string, unknown>;
  return format === SEARCH_INDEX_FORMAT && typeof index === 'string' && Array.isArray(entries);
}

/**
 * The engine in this thread: the worker runs one, and so do tests and the benchmark. A saved index
 * that does not load (another format, damaged) is dropped and everything indexed again.
 */
export class LocalSearchEngine implements SearchEngine {
  #index = new SearchIndex();

  load(saved: unknown): Promise<Map<string, string>> {
    try {
      this.#index = isSavedIndex(saved) ? new SearchIndex(saved) : new SearchIndex();
    } catch {
      this.#index = new SearchIndex();
    }
    return Promise.resolve(this.#index.stamps());
  }

  update(sources: readonly SearchSource[], removed: readonly string[]): Promise<string[]> {
    const failed: string[] = [];
    for (const id of removed) {
      this.#index.remove(id);
    }
    for (const source of sources) {
      try {
        this.#index.put(entryOf(source));
      } catch {
        // A log that does not decode: the document is left out rather than stopping the others.
        this.#index.remove(source.id);
        failed.push(source.id);
      }
    }
    return Promise.resolve(failed);
  }

  search(query: string, filters: SearchFilters): Promise<SearchHit[]> {
    return Promise.resolve(this.#index.search(query, filters));
  }

  save(): Promise<SavedSearchIndex> {
    return Promise.resolve(this.#index.save());
  }

  close(): void {
    this.#index = new SearchIndex();
  }
}
