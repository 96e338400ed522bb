/** What one tab tells the others about changes that Dexie's own change tracking does not see. */
export type TabMessage =
  /** Unsent records of a room were added or acknowledged (appends bypass Dexie, see `DexieUpdateLog`). */
  | { readonly kind: 'unsent'; readonly room: string }
  /** An update of a room was stored (the other tabs' listeners, such as the search index, follow). */
  | { readonly kind: 'stored'; readonly room: string }
  /** The outbox rows changed: the other tabs' outboxes read them again. */
  | { readonly kind: 'outbox' }
  /** Someone signed in or out on this device: the other tabs follow. */
  | { readonly kind: 'account' };

type Handler = (message: TabMessage) => void;

function isTabMessage(value: unknown): value is TabMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { kind, room } = value as Record<string, unknown>;
  return (
    kind === 'outbox' || kind === 'account' || ((kind === 'unsent' || kind === 'stored') && typeof room === 'string')
  );
}

/**
 * A BroadcastChannel between the tabs of this origin that use one database. A tab does not hear
 * its own messages. Where there is no BroadcastChannel the tab works alone.
 */
export class TabChannel {
  readonly #channel: BroadcastChannel | null;
  readonly #handlers = new Set<Handler>();
  #isClosed = false;

  constructor(name: string) {
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null;
    if (this.#channel !== null) {
      // Messages come from other tabs, possibly of another version of the app: checked before use.
      this.#channel.onmessage = (event: MessageEvent<unknown>) => {
        if (isTabMessage(event.data)) {
          for (const handler of [...this.#handlers]) {
            handler(event.data);
          }
        }
      };
      // In Node (unit tests) an open channel would keep the process alive.
      (this.#channel as BroadcastChannel & { unref?: () => void }).unref?.();
    }
  }

  /** Tells the other tabs; after `close` (a write that ends after sign-out) it does nothing. */
  post(message: TabMessage): void {
    if (this.#isClosed) {
      return;
    }
    this.#channel?.postMessage(message);
  }

  /** Calls `handler` with every message from another tab. Returns a function that stops it. */
  subscribe(handler: Handler): () => void {
    this.#handlers.add(handler);
    return () => {
      this.#handlers.delete(handler);
    };
  }

  close(): void {
    this.#isClosed = true;
    this.#handlers.clear();
    this.#channel?.close();
  }
}
