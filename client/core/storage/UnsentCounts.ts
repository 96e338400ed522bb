import type { RoomName } from '../../../shared';
import type { TabChannel } from './TabChannel';

/** How long after another tab's change its room is read again (changes meanwhile join it). */
const RECOUNT_DELAY_MS = 150;

/** Where the counts come from: the unsent records' keys, read once, and one room's again. */
export interface UnsentKeySource {
  /** Every unsent record's room and sequence number. */
  readAll(): Promise<readonly (readonly [RoomName, number])[]>;
  /** The sequence numbers of one room's unsent records. */
  readRoom(room: RoomName): Promise<readonly number[]>;
}

export interface UnsentCountsOptions {
  readonly source: UnsentKeySource;
  /** Where the tabs that use the same database announce their changes. */
  readonly channel: TabChannel;
  /** A read of the keys failed: the counts stay as they were until the next change. */
  readonly onReadError: (err: unknown) => void;
}

type Listener = { readonly room: RoomName | null; readonly onCount: (count: number) => void };

/**
 * The unsent local updates of every room, counted in memory (C4). The keys are read once; this
 * tab's appends and acknowledgements change the sets directly, so that a keystroke costs no
 * query, and another tab's changes arrive on a BroadcastChannel and read that room again. Sets
 * of sequence numbers rather than counters: a change seen both ways is counted once.
 */
export class UnsentCounts {
  readonly #options: UnsentCountsOptions;
  readonly #seqs = new Map<RoomName, Set<number>>();
  readonly #listeners = new Set<Listener>();
  readonly #stale = new Set<RoomName>();
  #loading: Promise<void> | null = null;
  #isLoaded = false;
  #recountTimer: ReturnType<typeof setTimeout> | null = null;
  #changed = new Set<RoomName | null>();
  #isNotifying = false;

  readonly #stopChannel: () => void;

  constructor(options: UnsentCountsOptions) {
    this.#options = options;
    this.#stopChannel = options.channel.subscribe((message) => {
      if (message.kind === 'unsent') {
        this.#scheduleRecount(message.room as RoomName);
      }
    });
  }

  /** This tab stored unsent updates of `room`. */
  added(room: RoomName, seqs: readonly number[]): void {
    const set = this.#roomSet(room);
    for (const seq of seqs) {
      set.add(seq);
    }
    this.#announce(room);
  }

  /** This tab removed unsent updates of `room` (acknowledged). */
  removed(room: RoomName, seqs: readonly number[]): void {
    const set = this.#roomSet(room);
    for (const seq of seqs) {
      set.delete(seq);
    }
    this.#announce(room);
  }

  /** The rooms with unsent updates, once the keys are read. */
  async rooms(): Promise<RoomName[]> {
    await this.#load();
    return [...this.#seqs].flatMap(([room, set]) => (set.size > 0 ? [room] : []));
  }

  /** The number of unsent updates of `room` (of every room when null), once the keys are read. */
  async count(room: RoomName | null): Promise<number> {
    await this.#load();
    return this.#count(room);
  }

  /** See `UpdateLogStore.watchUnsent`. */
  watch(room: RoomName | null, onCount: (count: number) => void): () => void {
    const listener: Listener = { room, onCount };
    this.#listeners.add(listener);
    void this.#load().then(() => {
      if (this.#listeners.has(listener)) {
        onCount(this.#count(room));
      }
    });
    return () => {
      this.#listeners.delete(listener);
    };
  }

  close(): void {
    this.#stopChannel();
    if (this.#recountTimer !== null) {
      clearTimeout(this.#recountTimer);
    }
    this.#listeners.clear();
  }

  #count(room: RoomName | null): number {
    if (room !== null) {
      return this.#seqs.get(room)?.size ?? 0;
    }
    let total = 0;
    for (const set of this.#seqs.values()) {
      total += set.size;
    }
    return total;
  }

  #roomSet(room: RoomName): Set<number> {
    let set = this.#seqs.get(room);
    if (set === undefined) {
      set = new Set();
      this.#seqs.set(room, set);
    }
    return set;
  }

  #load(): Promise<void> {
    this.#loading ??= this.#options.source.readAll().then(
      (entries) => {
        // Changes made here before the read are in it already; sets make counting them again harmless.
        for (const [room, seq] of entries) {
          this.#roomSet(room).add(seq);
        }
        this.#isLoaded = true;
      },
      (err: unknown) => {
        this.#options.onReadError(err);
        this.#loading = null;
      },
    );
    return this.#loading;
  }

  #announce(room: RoomName): void {
    this.#options.channel.post({ kind: 'unsent', room });
    this.#notify(room);
  }

  /** Listeners hear once per microtask, however many changes came in it. */
  #notify(room: RoomName): void {
    if (!this.#isLoaded) {
      return;
    }
    this.#changed.add(room);
    if (this.#isNotifying) {
      return;
    }
    this.#isNotifying = true;
    queueMicrotask(() => {
      this.#isNotifying = false;
      const changed = this.#changed;
      this.#changed = new Set();
      for (const listener of [...this.#listeners]) {
        if (listener.room === null || changed.has(listener.room)) {
          listener.onCount(this.#count(listener.room));
        }
      }
    });
  }

  #scheduleRecount(room: RoomName): void {
    this.#stale.add(room);
    if (this.#recountTimer === null) {
      this.#recountTimer = setTimeout(() => {
        this.#recountTimer = null;
        void this.#recount();
      }, RECOUNT_DELAY_MS);
    }
  }

  async #recount(): Promise<void> {
    const rooms = [...this.#stale];
    this.#stale.clear();
    for (const room of rooms) {
      try {
        this.#seqs.set(room, new Set(await this.#options.source.readRoom(room)));
        this.#notify(room);
      } catch (err) {
        this.#options.onReadError(err);
      }
    }
  }
}
