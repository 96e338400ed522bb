import type { SearchFilters } from './SearchIndex';
import type { SearchSource } from './searchSource';

/** A request to the search worker; `id` pairs it with its answer. */
export type SearchRequest =
  | { readonly id: number; readonly op: 'load'; readonly saved: unknown }
  | {
      readonly id: number;
      readonly op: 'update';
      readonly sources: readonly SearchSource[];
      readonly removed: readonly string[];
    }
  | { readonly id: number; readonly op: 'search'; readonly query: string; readonly filters: SearchFilters }
  | { readonly id: number; readonly op: 'save' };

/** The worker's answer to one request. */
export type SearchResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** Distributes `Omit` over the request union, so each op keeps its own fields. */
export type RequestBody = SearchRequest extends infer R ? (R extends SearchRequest ? Omit<R, 'id'> : never) : never;
