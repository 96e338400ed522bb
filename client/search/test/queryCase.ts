import type { SearchFilters } from '../SearchIndex';

/** A query of the search tests, with the documents it must find and those it must not. */
export interface QueryCase {
  readonly query: string;
  readonly filters?: SearchFilters;
  /** Ids (or, over the demo documents, title parts) of the documents it must find. */
  readonly must: readonly string[];
  /** Those it must not find. */
  readonly mustNot: readonly string[];
}
