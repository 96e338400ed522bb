import { type SavedSearchIndex, SearchIndex } from '../../client/search/SearchIndex';
import { entryOf, type SearchSource } from '../../client/search/searchSource';
import { sourceOf } from '../../client/search/test/corpus';
import { generateDocs } from '../../client/search/test/generatedDocs';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';

/** Load shape of the search scenario. */
export interface SearchOptions {
  readonly docs: number;
  /** Characters of each document's body, about. */
  readonly chars: number;
  /** Timed runs of each query, after one untimed. */
  readonly runs: number;
  readonly seed: number;
}

/** Figures of the search scenario (in process, as the worker runs it). */
export interface SearchResult {
  readonly docs: number;
  readonly totalChars: number;
  /** From stored updates to a full index: decoding the Y.Docs, tokenizing, indexing. */
  readonly buildMs: number;
  readonly buildMsPerDoc: number;
  /** The saved index (MiniSearch JSON and the plain text kept for snippets), UTF-8. */
  readonly savedBytes: number;
  readonly indexBytes: number;
  /** Reading the saved index back: what an offline reload waits for before searching. */
  readonly loadMs: number;
  /** One changed document indexed again. */
  readonly updateMs: Summary;
  readonly queryMs: Summary;
  /** Documents found by each query, in the order of `QUERIES`. */
  readonly found: readonly number[];
}

/** Queries of the shapes people type: common and rare words, several words, one character, a miss. */
const QUERIES = [
  '服务',
  '营商环境',
  '基层社会治理',
  '数字 政府',
  '民生',
  '编号42号',
  '防灾',
  '科技创新投入',
  '投',
  '高铁',
];

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

function timed<T>(run: () => T): { readonly ms: number; readonly value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

/** Builds the index as the worker does from stored updates; resolves with its save and the time taken. */
function buildIndex(sources: readonly SearchSource[]): { readonly ms: number; readonly saved: SavedSearchIndex } {
  const index = new SearchIndex();
  const built = timed(() => {
    for (const source of sources) {
      index.put(entryOf(source));
    }
  });
  return { ms: built.ms, saved: index.save() };
}

function timeQueries(index: SearchIndex, runs: number): { readonly times: number[]; readonly found: number[] } {
  const times: number[] = [];
  const found: number[] = [];
  for (const query of QUERIES) {
    found.push(index.search(query).length); // untimed: the first search pays for lazy work
    for (let run = 0; run < runs; run += 1) {
      times.push(timed(() => index.search(query)).ms);
    }
  }
  return { times, found };
}

/**
 * `docs` generated documents of about `chars` characters each, stored as Yjs updates as the device
 * keeps them: builds the index as the search worker does, saves and loads it, times the queries on
 * the loaded index, then indexes changed documents again one at a time.
 */
export function runSearch(options: SearchOptions): Promise<SearchResult> {
  const docs = generateDocs(options.docs, options.chars, options.seed);
  let sources: SearchSource[] = docs.map((doc) => sourceOf(doc));
  const built = buildIndex(sources);
  // Only what a reload keeps stays in memory from here: the saved index, then the loaded one.
  const changed = sources.slice(0, Math.min(options.runs, sources.length));
  sources = [];
  const savedText = JSON.stringify(built.saved);
  const loaded = timed(() => new SearchIndex(JSON.parse(savedText) as SavedSearchIndex));
  const { times, found } = timeQueries(loaded.value, options.runs);
  const updates = changed.map((source) => timed(() => loaded.value.put(entryOf({ ...source, stamp: 'changed' }))).ms);
  if ((found[5] ?? 0) < 1 || (found[9] ?? 1) !== 0) {
    throw new Error('The marker query found nothing or the missing word was found: the scenario is broken');
  }
  const totalChars = docs.reduce(
    (total, doc) => total + doc.paragraphs.reduce((sum, each) => sum + (typeof each === 'string' ? each.length : 0), 0),
    0,
  );
  return Promise.resolve({
    docs: docs.length,
    totalChars,
    buildMs: round(built.ms, 0),
    buildMsPerDoc: round(built.ms / docs.length, 1),
    savedBytes: utf8Bytes(savedText),
    indexBytes: utf8Bytes(built.saved.index),
    loadMs: round(loaded.ms, 0),
    updateMs: roundSummary(summarize(updates)),
    queryMs: roundSummary(summarize(times)),
    found,
  });
}
