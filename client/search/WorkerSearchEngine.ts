import type { SearchEngine } from './SearchEngine';
import type { SavedSearchIndex, SearchFilters, SearchHit } from './SearchIndex';
import type { SearchSource } from './searchSource';
import type { RequestBody, SearchResponse } from './workerProtocol';

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: Error) => void;
}

/** The search engine in a Web Worker (`searchWorker.ts`): the page's thread only sends and receives. */
export class WorkerSearchEngine implements SearchEngine {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor() {
    this.#worker = new Worker(new URL('./searchWorker.ts', import.meta.url), { type: 'module' });
    this.#worker.onmessage = (event: MessageEvent<SearchResponse>) => {
      const response = event.data;
      const pending = this.#pending.get(response.id);
      this.#pending.delete(response.id);
      if (response.ok) {
        pending?.resolve(response.value);
      } else {
        pending?.reject(new Error(`The search worker failed: ${response.message}`));
      }
    };
    this.#worker.onerror = (event) => {
      const err = new Error(`The search worker stopped: ${event.message}`);
      for (const pending of this.#pending.values()) {
        pending.reject(err);
      }
      this.#pending.clear();
    };
  }

  load(saved: unknown): Promise<Map<string, string>> {
    return this.#ask({ op: 'load', saved }) as Promise<Map<string, string>>;
  }

  update(sources: readonly SearchSource[], removed: readonly string[]): Promise<string[]> {
    return this.#ask({ op: 'update', sources, removed }) as Promise<string[]>;
  }

  search(query: string, filters: SearchFilters): Promise<SearchHit[]> {
    return this.#ask({ op: 'search', query, filters }) as Promise<SearchHit[]>;
  }

  save(): Promise<SavedSearchIndex> {
    return this.#ask({ op: 'save' }) as Promise<SavedSearchIndex>;
  }

  close(): void {
    this.#worker.terminate();
    const err = new Error('The search index was closed');
    for (const pending of this.#pending.values()) {
      pending.reject(err);
    }
    this.#pending.clear();
  }

  #ask(body: RequestBody): Promise<unknown> {
    const id = this.#nextId;
    this.#nextId += 1;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...body, id });
    });
  }
}
