/**
 * Counters of the IndexedDB requests a page makes, installed at the prototype level before the
 * app's first script runs (see `idbCountersScript`). Dexie and the app's direct append path both
 * call these native methods, so every request of the page is seen, whichever layer makes it.
 */

/** What one object store saw since the last reset. */
export interface StoreCounts {
  /** Requests that read: gets, counts, getAll*, cursor opens and cursor steps. */
  reads: number;
  /** Requests that write: put, add, delete, clear, cursor update and delete. */
  writes: number;
  /** `continue`, `continuePrimaryKey` and `advance` on a cursor of the store (included in `reads`). */
  cursorSteps: number;
  /** Transactions whose scope included the store. */
  transactions: number;
  /** The most writes any one primary key of the store received (0 when no write named a key). */
  maxWritesOfOneKey: number;
}

/** Everything the page asked of IndexedDB since the last reset. */
export interface IdbCounts {
  /** Transactions opened with `IDBDatabase.transaction`, by mode. */
  readonly transactions: { readonly: number; readwrite: number };
  reads: number;
  writes: number;
  cursorSteps: number;
  readonly stores: Record<string, StoreCounts>;
  /** Requests by `store.method` (`store[index].method` for an index), for reading where they come from. */
  readonly calls: Record<string, number>;
  /** Milliseconds from the reset to the first and to the last request; null before the first. */
  firstAtMs: number | null;
  lastAtMs: number | null;
}

/** The page's handle on its counters. */
export interface IdbCounterHandle {
  /** Sets every counter back to zero and the clock of `firstAtMs`/`lastAtMs` to now. */
  reset(): void;
  /** A copy of the counters, safe to send out of the page. */
  read(): IdbCounts;
  /** Milliseconds since the last request (or since the reset when there was none). */
  quietForMs(): number;
}

declare global {
  /** Installed by `idbCountersScript` (a global, so that the unit test can run it in Node too). */
  var __idbCounts: IdbCounterHandle | undefined;
}

/**
 * Runs in the page, so it may use nothing from its module: the script is this function's source
 * (see `idbCountersScript`). Each wrapper counts a request only once the native method returned,
 * so a call that throws (an inactive transaction, a closed database) counts as nothing, as it
 * issued nothing.
 */
export function installIdbCounters(): void {
  type Kind = 'read' | 'write' | 'step';
  let counts = fresh();
  let writesByKey = new Map<string, number>();
  let origin = performance.now();
  function fresh(): IdbCounts {
    return {
      transactions: { readonly: 0, readwrite: 0 },
      reads: 0,
      writes: 0,
      cursorSteps: 0,
      stores: {},
      calls: {},
      firstAtMs: null,
      lastAtMs: null,
    };
  }
  function storeOf(name: string): StoreCounts {
    counts.stores[name] ??= { reads: 0, writes: 0, cursorSteps: 0, transactions: 0, maxWritesOfOneKey: 0 };
    return counts.stores[name];
  }
  function stamp(): void {
    const at = performance.now() - origin;
    counts.firstAtMs ??= at;
    counts.lastAtMs = at;
  }
  function keyText(key: unknown): string | null {
    return typeof key === 'string' || typeof key === 'number' ? String(key) : null;
  }
  function count(store: string, call: string, kind: Kind, key: unknown): void {
    const entry = storeOf(store);
    counts.calls[call] = (counts.calls[call] ?? 0) + 1;
    if (kind === 'write') {
      counts.writes += 1;
      entry.writes += 1;
      const text = keyText(key);
      if (text !== null) {
        const id = `${store}\u0000${text}`;
        const times = (writesByKey.get(id) ?? 0) + 1;
        writesByKey.set(id, times);
        entry.maxWritesOfOneKey = Math.max(entry.maxWritesOfOneKey, times);
      }
    } else {
      counts.reads += 1;
      entry.reads += 1;
      if (kind === 'step') {
        counts.cursorSteps += 1;
        entry.cursorSteps += 1;
      }
    }
    stamp();
  }
  type Method = (this: unknown, ...args: unknown[]) => unknown;
  function wrap<T extends object>(
    proto: T,
    names: readonly string[],
    describe: (target: T, name: string, args: unknown[]) => { store: string; call: string; kind: Kind; key: unknown },
  ): void {
    const methods = proto as unknown as Record<string, Method | undefined>;
    for (const name of names) {
      const native = methods[name];
      if (typeof native !== 'function') {
        continue;
      }
      methods[name] = function counted(this: unknown, ...args: unknown[]): unknown {
        const result = native.apply(this, args);
        const { store, call, kind, key } = describe(this as T, name, args);
        count(store, call, kind, key);
        return result;
      };
    }
  }
  /** The primary key a put or add names: the value's key path, or the explicit key argument. */
  function keyOfValue(store: IDBObjectStore, args: unknown[]): unknown {
    const value = args[0];
    if (typeof store.keyPath === 'string' && typeof value === 'object' && value !== null) {
      return (value as Record<string, unknown>)[store.keyPath];
    }
    return args[1];
  }
  const READS = ['get', 'getAll', 'getAllKeys', 'getAllRecords', 'getKey', 'count', 'openCursor', 'openKeyCursor'];
  wrap(IDBObjectStore.prototype, READS, (store, name) => ({
    store: store.name,
    call: `${store.name}.${name}`,
    kind: 'read',
    key: null,
  }));
  wrap(IDBObjectStore.prototype, ['put', 'add', 'delete', 'clear'], (store, name, args) => ({
    store: store.name,
    call: `${store.name}.${name}`,
    kind: 'write',
    key: name === 'put' || name === 'add' ? keyOfValue(store, args) : name === 'delete' ? args[0] : null,
  }));
  wrap(IDBIndex.prototype, READS, (index, name) => ({
    store: index.objectStore.name,
    call: `${index.objectStore.name}[${index.name}].${name}`,
    kind: 'read',
    key: null,
  }));
  wrap(IDBCursor.prototype, ['continue', 'continuePrimaryKey', 'advance', 'update', 'delete'], (cursor, name) => {
    const source = cursor.source;
    const store = source instanceof IDBIndex ? source.objectStore.name : source.name;
    const isWrite = name === 'update' || name === 'delete';
    return { store, call: `${store}.cursor.${name}`, kind: isWrite ? 'write' : 'step', key: cursor.primaryKey };
  });
  const database = IDBDatabase.prototype as unknown as Record<string, Method>;
  const nativeTransaction = database.transaction as Method;
  database.transaction = function countedTransaction(this: unknown, ...args: unknown[]): unknown {
    const transaction = nativeTransaction.apply(this, args) as IDBTransaction;
    const mode = transaction.mode;
    if (mode === 'readonly' || mode === 'readwrite') {
      counts.transactions[mode] += 1;
    }
    for (const name of Array.from(transaction.objectStoreNames)) {
      storeOf(name).transactions += 1;
    }
    stamp();
    return transaction;
  };
  globalThis.__idbCounts = {
    reset() {
      counts = fresh();
      writesByKey = new Map();
      origin = performance.now();
    },
    read() {
      return JSON.parse(JSON.stringify(counts)) as IdbCounts;
    },
    quietForMs() {
      return performance.now() - origin - (counts.lastAtMs ?? 0);
    },
  };
}

/**
 * The init script that installs the counters. Scripts run by tsx keep function names through an
 * `__name(fn, "name")` helper that esbuild inserts in the function bodies; the page has no such
 * helper, so the script brings a stand-in.
 */
export function idbCountersScript(): string {
  return `(() => {\nconst __name = (target) => target;\n(${installIdbCounters.toString()})();\n})();`;
}
