import { type DocId, RoomKind, type RoomName, roomNameOf } from '../../shared';
import type { Diagnostics } from '../core/diagnostics';
import { createStore, type Store } from '../core/lib';
import type { DeviceStore, DocRow } from '../core/storage';
import type { SearchEngine } from './SearchEngine';
import type { SearchFilters, SearchHit } from './SearchIndex';
import type { SearchMeta, SearchSource } from './searchSource';

/** Where the index stands. */
export const SearchStatus = {
  /** The saved index is being read: nothing can be searched yet. */
  starting: 'starting',
  /** Documents are being indexed; searching works on what is indexed. */
  building: 'building',
  ready: 'ready',
  /** The index could not be read or built; searching finds nothing. */
  failed: 'failed',
} as const;
export type SearchStatus = (typeof SearchStatus)[keyof typeof SearchStatus];

export interface SearchState {
  readonly status: SearchStatus;
  /** Documents in the index. */
  readonly indexed: number;
  /** Documents still to index in the current pass. */
  readonly pending: number;
}

export interface SearchServiceOptions {
  readonly store: DeviceStore;
  readonly engine: SearchEngine;
  readonly diagnostics: Pick<Diagnostics, 'report'>;
  /** How long after the last stored update the index follows; typing stores an update a keystroke. */
  readonly refreshDelayMs?: number;
  /** How long after the index changed it is saved: saving writes it whole. */
  readonly saveDelayMs?: number;
}

/** A second after the last keystroke is soon enough for a search of the device to see it. */
const REFRESH_DELAY_MS = 1000;
/** The index is written whole, so not more often than this; what is not saved is indexed again at the next start. */
const SAVE_DELAY_MS = 5000;
/** Documents read and indexed at a time: the page stays responsive and the state counts down. */
const BATCH_DOCS = 10;

/** A document the server lists to the account, or one made here that it has not seen yet. */
function isSearchable(row: DocRow): boolean {
  return row.record !== null || row.serverSeenAt === null;
}

function metaOf(row: DocRow): SearchMeta {
  const record = row.record;
  const createdAt = record?.createdAt ?? row.createdAt ?? row.updatedAt;
  return {
    title: record?.title ?? row.title,
    kind: record?.kind ?? row.kind,
    status: record?.status ?? 'draft',
    groupId: record?.groupId ?? row.groupId,
    year: new Date(createdAt).getFullYear(),
  };
}

interface Wanted {
  readonly id: DocId;
  readonly meta: SearchMeta;
  readonly stamp: string;
}

/**
 * Keeps the account's search index: loads the saved one at start (so that searching works at once
 * after an offline reload), indexes what changed since (each document's stamp is the last stored
 * update of its content and comments and its row), follows every update stored afterwards, and
 * saves the index in the account's sealed database.
 */
export class SearchService {
  readonly #options: Required<SearchServiceOptions>;
  readonly #state: Store<SearchState> = createStore<SearchState>({
    status: SearchStatus.starting,
    indexed: 0,
    pending: 0,
  });
  readonly #loaded: Promise<void>;
  #resolveLoaded: () => void = () => undefined;
  #known = new Map<string, string>();
  #isRefreshing = false;
  #isDirty = false;
  #isStopped = false;
  #refreshTimer: ReturnType<typeof setTimeout> | null = null;
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #idle: Promise<void> = Promise.resolve();

  constructor(options: SearchServiceOptions) {
    this.#options = { refreshDelayMs: REFRESH_DELAY_MS, saveDelayMs: SAVE_DELAY_MS, ...options };
    this.#loaded = new Promise((resolve) => {
      this.#resolveLoaded = resolve;
    });
  }

  get state(): Pick<Store<SearchState>, 'getSnapshot' | 'subscribe'> {
    return this.#state;
  }

  /** Loads the saved index, brings it up to date and follows the store. Returns a function that stops it. */
  start(): () => void {
    const { store } = this.#options;
    const stopStored = store.updates.onStored(() => this.#schedule());
    const stopRows = store.observe(
      () => store.docs.list(),
      () => this.#schedule(),
      (err) => this.#options.diagnostics.report('search.rows', err),
    );
    this.#idle = this.#load().then(() => this.#refresh());
    return () => {
      this.#isStopped = true;
      stopStored();
      stopRows();
      for (const timer of [this.#refreshTimer, this.#saveTimer]) {
        if (timer !== null) {
          clearTimeout(timer);
        }
      }
      this.#options.engine.close();
    };
  }

  /** The documents matching `query` and `filters`, best first; empty for an empty query. */
  async search(query: string, filters: SearchFilters = {}): Promise<SearchHit[]> {
    if (query.trim() === '') {
      return [];
    }
    await this.#loaded;
    return this.#state.getSnapshot().status === SearchStatus.failed ? [] : this.#options.engine.search(query, filters);
  }

  /** Resolves once the passes asked for so far are done (tests). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const idle = this.#idle;
      await idle;
      if (idle === this.#idle && !this.#isDirty && !this.#isRefreshing && this.#refreshTimer === null) {
        return;
      }
      // A pass is still due: wait for its timer (a task later), not in a loop of microtasks.
      await new Promise((resolve) => setTimeout(resolve, this.#options.refreshDelayMs));
    }
  }

  /** Saves the index now (tests, and before the page goes). */
  async saveNow(): Promise<void> {
    const saved = await this.#options.engine.save();
    await this.#options.store.search.save(saved, Date.now());
  }

  async #load(): Promise<void> {
    try {
      const saved = await this.#options.store.search.read();
      this.#known = await this.#options.engine.load(saved);
      this.#state.set({ status: SearchStatus.building, indexed: this.#known.size, pending: 0 });
    } catch (err) {
      this.#options.diagnostics.report('search.load', err);
      this.#known = await this.#options.engine.load(null).catch(() => new Map<string, string>());
    } finally {
      this.#resolveLoaded();
    }
  }

  #schedule(): void {
    if (this.#isStopped) {
      return;
    }
    if (this.#refreshTimer !== null) {
      clearTimeout(this.#refreshTimer);
    }
    this.#refreshTimer = setTimeout(() => {
      this.#refreshTimer = null;
      this.#idle = this.#idle.then(() => this.#refresh());
    }, this.#options.refreshDelayMs);
  }

  async #refresh(): Promise<void> {
    if (this.#isRefreshing || this.#isStopped) {
      this.#isDirty = true;
      return;
    }
    this.#isRefreshing = true;
    this.#isDirty = false;
    try {
      const changed = await this.#indexChanges();
      this.#state.set({ status: SearchStatus.ready, indexed: this.#known.size, pending: 0 });
      if (changed) {
        this.#scheduleSave();
      }
    } catch (err) {
      if (!this.#isStopped) {
        this.#options.diagnostics.report('search.refresh', err);
        this.#state.set({ status: SearchStatus.failed, indexed: this.#known.size, pending: 0 });
      }
    } finally {
      this.#isRefreshing = false;
    }
    if (this.#isDirty && !this.#isStopped) {
      this.#isDirty = false;
      await this.#refresh();
    }
  }

  /** Indexes the documents whose stamp changed and forgets those gone. Resolves whether anything changed. */
  async #indexChanges(): Promise<boolean> {
    const { store, engine } = this.#options;
    const [rows, seqs] = await Promise.all([store.docs.list(), store.updates.lastSeqs()]);
    const wanted = rows.filter(isSearchable).map((row) => wantedOf(row, seqs));
    const ids = new Set<string>(wanted.map((each) => each.id));
    const removed = [...this.#known.keys()].filter((id) => !ids.has(id));
    const changed = wanted.filter((each) => this.#known.get(each.id) !== each.stamp);
    if (removed.length > 0) {
      await engine.update([], removed);
      for (const id of removed) {
        this.#known.delete(id);
      }
    }
    for (let at = 0; at < changed.length && !this.#isStopped; at += BATCH_DOCS) {
      this.#state.set({ status: SearchStatus.building, indexed: this.#known.size, pending: changed.length - at });
      const batch = changed.slice(at, at + BATCH_DOCS);
      const sources = await Promise.all(batch.map((each) => sourceOf(store, each)));
      const failed = await engine.update(sources, []);
      for (const id of failed) {
        this.#options.diagnostics.report(
          'search.document',
          new Error(`Cannot index document ${id}: its log does not decode`),
        );
      }
      for (const each of batch) {
        // A document that failed keeps its stamp: it is tried again once it changes.
        this.#known.set(each.id, each.stamp);
      }
    }
    return removed.length > 0 || changed.length > 0;
  }

  #scheduleSave(): void {
    if (this.#saveTimer !== null || this.#isStopped) {
      return;
    }
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null;
      if (!this.#isStopped) {
        this.saveNow().catch((err: unknown) => this.#options.diagnostics.report('search.save', err));
      }
    }, this.#options.saveDelayMs);
  }
}

function wantedOf(row: DocRow, seqs: ReadonlyMap<RoomName, number>): Wanted {
  const meta = metaOf(row);
  const content = seqs.get(roomNameOf(row.id)) ?? 0;
  const comments = seqs.get(roomNameOf(row.id, RoomKind.comments)) ?? 0;
  return { id: row.id, meta, stamp: `${content}:${comments}:${JSON.stringify(meta)}` };
}

async function sourceOf(store: DeviceStore, wanted: Wanted): Promise<SearchSource> {
  const [content, comments] = await Promise.all([
    store.updates.read(roomNameOf(wanted.id)),
    store.updates.read(roomNameOf(wanted.id, RoomKind.comments)),
  ]);
  return { id: wanted.id, stamp: wanted.stamp, meta: wanted.meta, content, comments };
}
