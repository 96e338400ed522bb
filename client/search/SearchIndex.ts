import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { SearchEntry, SearchMeta } from './searchSource';
import { makeSnippet, type Snippet } from './snippet';
import { indexTerms, type QueryTerms, queryTerms } from './tokenize';

/** The layout of a saved index; a saved index of another layout is rebuilt. */
export const SEARCH_INDEX_FORMAT = 1;
/** The most results one search returns: a page of them is all anyone reads. */
export const MAX_SEARCH_RESULTS = 50;

/** What the index holds of one document, as MiniSearch reads it. */
interface IndexedFields {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly fields: string;
  readonly comments: string;
}

/** Narrows a search; a filter left null keeps every value. */
export interface SearchFilters {
  readonly kind?: string | null;
  readonly status?: string | null;
  readonly groupId?: string | null;
  readonly year?: number | null;
}

/** Where in a document a result matched. */
export const MatchPlace = { title: 'title', body: 'body', fields: 'fields', comments: 'comments' } as const;
export type MatchPlace = (typeof MatchPlace)[keyof typeof MatchPlace];

/** One document found, with the passage to show and where it is. */
export interface SearchHit {
  readonly id: string;
  readonly meta: SearchMeta;
  readonly title: string;
  readonly score: number;
  readonly place: MatchPlace;
  /** The body block the snippet comes from (counted as the editor counts text blocks); null elsewhere. */
  readonly block: number | null;
  readonly snippet: Snippet;
}

/** An index saved as plain JSON text (sealed by the device store like every row). */
export interface SavedSearchIndex {
  readonly format: number;
  readonly index: string;
  readonly entries: readonly SearchEntry[];
}

const FIELD_NAMES = ['title', 'body', 'fields', 'comments'];

function options() {
  return {
    fields: FIELD_NAMES,
    tokenize: indexTerms,
    // The tokenizer lowercases already; the query's terms come tokenized the same way.
    processTerm: (term: string) => term,
    searchOptions: { boost: { title: 3, fields: 2 }, tokenize: (text: string) => [text] },
  };
}

function indexedOf(entry: SearchEntry): IndexedFields {
  return {
    id: entry.id,
    title: entry.title,
    body: entry.blocks.join('\n'),
    fields: entry.fields.join('\n'),
    comments: entry.comments.join('\n'),
  };
}

function miniQuery(terms: QueryTerms): Query | null {
  const must: Query[] = [...terms.required, ...terms.prefixes.map((char) => ({ queries: [char], prefix: true }))];
  if (must.length === 0) {
    return null;
  }
  const all: Query = { queries: must, combineWith: 'AND' };
  // A whole word adds to the score of documents that hold it; it never lets in one that lacks a bigram.
  return terms.words.length === 0 ? all : { queries: [all, { queries: [...terms.words] }], combineWith: 'OR' };
}

function matches(meta: SearchMeta, filters: SearchFilters): boolean {
  return (
    (filters.kind == null || meta.kind === filters.kind) &&
    (filters.status == null || meta.status === filters.status) &&
    (filters.groupId == null || meta.groupId === filters.groupId) &&
    (filters.year == null || meta.year === filters.year)
  );
}

/**
 * The full-text index of the documents on the device (MiniSearch with the Chinese tokenizer of
 * `tokenize.ts`) and the plain text it was built from, for snippets. Plain TypeScript: the
 * worker runs it, and so do the tests.
 */
export class SearchIndex {
  #search: MiniSearch<IndexedFields>;
  readonly #entries = new Map<string, SearchEntry>();

  constructor(saved?: SavedSearchIndex) {
    if (saved !== undefined && saved.format === SEARCH_INDEX_FORMAT) {
      this.#search = MiniSearch.loadJSON<IndexedFields>(saved.index, options());
      for (const entry of saved.entries) {
        this.#entries.set(entry.id, entry);
      }
    } else {
      this.#search = new MiniSearch<IndexedFields>(options());
    }
  }

  /** The stamp of each indexed document, by id. */
  stamps(): Map<string, string> {
    return new Map([...this.#entries.values()].map((entry) => [entry.id, entry.stamp]));
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Adds a document, or replaces what the index held of it. */
  put(entry: SearchEntry): void {
    if (this.#entries.has(entry.id)) {
      this.#search.discard(entry.id);
    }
    this.#entries.set(entry.id, entry);
    this.#search.add(indexedOf(entry));
  }

  /** Forgets a document; nothing happens when it was not indexed. */
  remove(id: string): void {
    if (this.#entries.delete(id)) {
      this.#search.discard(id);
    }
  }

  /** The documents matching every term of `query` and the filters, best first. */
  search(query: string, filters: SearchFilters = {}): SearchHit[] {
    const terms = queryTerms(query);
    const asked = miniQuery(terms);
    if (asked === null) {
      return [];
    }
    const isFiltered = Object.values(filters).some((value) => value != null);
    const found = this.#search.search(
      asked,
      isFiltered
        ? {
            filter: (result) => {
              const entry = this.#entries.get(String(result.id));
              return entry !== undefined && matches(entry.meta, filters);
            },
          }
        : {},
    );
    return found.slice(0, MAX_SEARCH_RESULTS).flatMap((result) => this.#hitOf(result, terms));
  }

  /** The index as JSON text and its entries, for the device store. */
  save(): SavedSearchIndex {
    return { format: SEARCH_INDEX_FORMAT, index: JSON.stringify(this.#search), entries: [...this.#entries.values()] };
  }

  #hitOf(result: SearchResult, terms: QueryTerms): SearchHit[] {
    const entry = this.#entries.get(String(result.id));
    if (entry === undefined) {
      return [];
    }
    const place = placeOf(entry, terms);
    return [
      {
        id: entry.id,
        meta: entry.meta,
        title: entry.title,
        score: result.score,
        place: place.place,
        block: place.block,
        snippet: makeSnippet(place.text, terms.marks),
      },
    ];
  }
}

const LATIN = /[A-Za-z]/;

/** How many of the query's visible pieces a text holds (Latin ones in any case). */
function coverage(text: string, marks: readonly string[]): number {
  // Han text has no case: only a query with a Latin piece needs the text lowercased.
  const haystack = marks.some((mark) => LATIN.test(mark)) ? text.toLowerCase() : text;
  let count = 0;
  for (const mark of marks) {
    if (haystack.includes(mark.toLowerCase())) {
      count += 1;
    }
  }
  return count;
}

interface Place {
  readonly place: MatchPlace;
  readonly block: number | null;
  readonly text: string;
}

/** The passage that holds most of the query: the title, a body block, a field or a comment. */
function placeOf(entry: SearchEntry, terms: QueryTerms): Place {
  let best: Place | null = null;
  let bestCount = 0;
  const consider = (place: MatchPlace, block: number | null, text: string): boolean => {
    const count = coverage(text, terms.marks);
    if (count > bestCount) {
      best = { place, block, text };
      bestCount = count;
    }
    return bestCount === terms.marks.length;
  };
  const isDone =
    consider(MatchPlace.title, null, entry.title) ||
    entry.blocks.some((text, block) => consider(MatchPlace.body, block, text)) ||
    entry.fields.some((text) => consider(MatchPlace.fields, null, text)) ||
    entry.comments.some((text) => consider(MatchPlace.comments, null, text));
  if (isDone || best !== null) {
    return best as unknown as Place;
  }
  return { place: MatchPlace.body, block: entry.blocks.length > 0 ? 0 : null, text: entry.blocks[0] ?? '' };
}
