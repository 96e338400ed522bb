/** Offline full-text search of the documents on the device: the index, its worker and its service. */
export type { SearchEngine } from './SearchEngine';
export { LocalSearchEngine } from './SearchEngine';
export { MAX_SEARCH_RESULTS, MatchPlace, type SearchFilters, type SearchHit } from './SearchIndex';
export { SearchService, type SearchState, SearchStatus } from './SearchService';
export type { SearchMeta } from './searchSource';
export type { Snippet } from './snippet';
export { queryTerms } from './tokenize';
export { WorkerSearchEngine } from './WorkerSearchEngine';
