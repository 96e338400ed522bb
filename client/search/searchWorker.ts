/// <reference lib="webworker" />
import { LocalSearchEngine } from './SearchEngine';
import type { SearchRequest, SearchResponse } from './workerProtocol';

/** The search index off the page's thread: tokenizing and indexing thousands of characters takes a while. */
const engine = new LocalSearchEngine();

async function answer(request: SearchRequest): Promise<unknown> {
  switch (request.op) {
    case 'load':
      return engine.load(request.saved);
    case 'update':
      return engine.update(request.sources, request.removed);
    case 'search':
      return engine.search(request.query, request.filters);
    case 'save':
      return engine.save();
  }
}

self.onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  answer(request).then(
    (value) => self.postMessage({ id: request.id, ok: true, value } satisfies SearchResponse),
    (err: unknown) =>
      self.postMessage({
        id: request.id,
        ok: false,
        message: err instanceof Error ? err.message : String(err),
      } satisfies SearchResponse),
  );
};
