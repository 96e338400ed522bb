/** A minimal external store for `useSyncExternalStore`: snapshots are replaced, never mutated. */
export interface Store<T> {
  getSnapshot(): T;
  subscribe(onChange: () => void): () => void;
  set(next: T): void;
  update(change: (current: T) => T): void;
}

/** Creates a store holding `initial`; listeners run only when the snapshot changes. */
export function createStore<T>(initial: T): Store<T> {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  function set(next: T): void {
    if (Object.is(next, snapshot)) {
      return;
    }
    snapshot = next;
    for (const listener of [...listeners]) {
      listener();
    }
  }
  return {
    getSnapshot: () => snapshot,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => {
        listeners.delete(onChange);
      };
    },
    set,
    update: (change) => set(change(snapshot)),
  };
}
