import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { CloseCode, type DocId, isFatalCloseCode, MessageType, RoomKind, roomNameOf } from '../../../shared';
import type { Diagnostics } from '../diagnostics';
import { createStore, type Store, shallowEqual } from '../lib';
import type { UpdateLogStore } from '../storage';
import { AckTracker } from './AckTracker';
import { type ConnectionGate, OPEN_GATE } from './ConnectionGate';
import { peekServerState, type ServerStateHint } from './serverState';
import { deriveSyncStatus, INITIAL_SYNC_FACTS, type SyncFacts, type SyncStatus } from './syncStatus';
import { syncParams, syncServerUrl } from './syncUrl';
import type { UpdateOrigin } from './updateOrigin';

/**
 * Most bytes of remote changes held back during one IME composition; past this they are applied
 * anyway (a broken composition is better than a tab that buffers without limit).
 */
const MAX_HELD_BYTES = 4 * 1024 * 1024;

/** Longest wait between reconnection attempts; y-websocket backs off exponentially up to it. */
const MAX_RECONNECT_BACKOFF_MS = 5000;

/**
 * Wait before trying again after the relay said this account has too many connections open
 * (4429): long enough for a tab or device to close, and never a tight loop.
 */
const RETRY_AFTER_TOO_MANY_CONNECTIONS_MS = 60_000;

/**
 * Wait before trying again after the relay said it is short of memory for incomplete updates
 * (1013): y-websocket would retry within a fraction of a second after a connection that synced.
 */
const RETRY_AFTER_SERVER_BUSY_MS = 15_000;

export interface DocConnectionOptions {
  readonly updates: UpdateLogStore;
  readonly docId: DocId;
  /**
   * Which of the document's Y.Docs this connects (its room and its log of unsent updates); the
   * content by default. Every kind asks the same gate, by the document's id.
   */
  readonly room?: RoomKind;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** The relay's base URL; by default the `/sync` path of the host that served the app. */
  readonly serverUrl?: string;
  /** Whether the document may connect now (signed in, registered); by default always. */
  readonly gate?: ConnectionGate;
  /** Where an update came from (see `classifyOrigin`; the provider made here is the relay). */
  readonly originOf: (origin: unknown) => UpdateOrigin;
  readonly diagnostics: Diagnostics;
  /** The WebSocket class; the browser's by default (tests pass a fake). */
  readonly WebSocketPolyfill?: typeof WebSocket;
  /** Wait before connecting again after 4429 (too many connections); a minute by default. */
  readonly retryAfterTooManyConnectionsMs?: number;
  /** Wait before connecting again after 1013 (server busy); 15 s by default. */
  readonly retryAfterServerBusyMs?: number;
}

type SyncHandler = WebsocketProvider['messageHandlers'][number];

interface HeldMessage {
  /** The sync message after its type byte: a step 2 or an update. */
  readonly bytes: Uint8Array;
  readonly socket: WebSocket | null;
  /** False for messages from other tabs (BroadcastChannel), which never mark the provider synced. */
  readonly emitSynced: boolean;
}

/**
 * One document's connection to the relay: a y-websocket provider that follows the browser's
 * online/offline events, learns from the server's replies which local updates it has stored,
 * and publishes a status for the UI. Nothing here touches React.
 */
export class DocConnection {
  readonly provider: WebsocketProvider;
  readonly status: Store<SyncStatus>;
  readonly #facts: Store<SyncFacts>;
  readonly #acks: AckTracker;
  readonly #stopUnsentCount: () => void;
  readonly #docId: DocId;
  readonly #gate: ConnectionGate;
  readonly #stopGate: () => void;
  readonly #diagnostics: Diagnostics;
  /** Remote document messages waiting for the local composition to end; null when not holding. */
  #held: HeldMessage[] | null = null;
  #heldBytes = 0;
  readonly #retryAfterTooManyMs: number;
  readonly #retryAfterBusyMs: number;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: DocConnectionOptions) {
    const { updates, docId, doc, awareness, diagnostics } = options;
    this.#diagnostics = diagnostics;
    this.#docId = docId;
    this.#gate = options.gate ?? OPEN_GATE;
    this.#retryAfterTooManyMs = options.retryAfterTooManyConnectionsMs ?? RETRY_AFTER_TOO_MANY_CONNECTIONS_MS;
    this.#retryAfterBusyMs = options.retryAfterServerBusyMs ?? RETRY_AFTER_SERVER_BUSY_MS;
    const room = roomNameOf(docId, options.room ?? RoomKind.content);
    this.provider = new WebsocketProvider(options.serverUrl ?? syncServerUrl(), room, doc, {
      connect: false,
      awareness,
      params: syncParams(),
      maxBackoffTime: MAX_RECONNECT_BACKOFF_MS,
      ...(options.WebSocketPolyfill === undefined ? {} : { WebSocketPolyfill: options.WebSocketPolyfill }),
    });
    const isHeld = !this.#gate.isOpen(docId);
    this.#facts = createStore<SyncFacts>({ ...INITIAL_SYNC_FACTS, isOnline: navigator.onLine, isHeld });
    this.status = createStore(deriveSyncStatus(this.#facts.getSnapshot()));
    this.#facts.subscribe(() => this.#publish());
    this.#acks = new AckTracker({
      updates,
      room,
      doc,
      provider: this.provider,
      originOf: options.originOf,
      diagnostics,
    });
    this.#wrapHandlers();
    this.#listen();
    this.#stopUnsentCount = updates.watchUnsent(room, (unsent) => {
      this.#setFacts({ unsent });
      this.#acks.onUnsentCount(unsent);
    });
    this.#stopGate = this.#gate.subscribe(this.#onGateChange);
    if (navigator.onLine && !isHeld) {
      this.provider.connect();
    }
  }

  /**
   * Holds back remote changes of the document while the user composes text with an input
   * method (C7): changing the paragraph under a composition makes the browser commit its
   * intermediate states. Releasing applies them in the order they came.
   */
  holdRemoteChanges(isHeld: boolean): void {
    if (isHeld) {
      this.#held ??= [];
      return;
    }
    this.#releaseHeld();
  }

  /** How many remote messages wait for a composition to end (for tests and diagnostics). */
  get heldCount(): number {
    return this.#held?.length ?? 0;
  }

  destroy(): void {
    this.#clearRetry();
    this.#held = null;
    this.#stopGate();
    window.removeEventListener('online', this.#onOnline);
    window.removeEventListener('offline', this.#onOffline);
    this.#stopUnsentCount();
    this.#acks.destroy();
    this.provider.destroy();
  }

  #wrapHandlers(): void {
    const handlers = this.provider.messageHandlers;
    const sync: SyncHandler | undefined = handlers[MessageType.sync];
    if (sync === undefined) {
      throw new Error(`y-websocket has no handler for sync messages (type ${MessageType.sync})`);
    }
    // The handler array is the provider's own copy: wrapping it affects this provider only.
    handlers[MessageType.sync] = (encoder, decoder, provider, emitSynced, messageType) => {
      const hint = this.#peek(decoder);
      if (this.#held !== null && hint.kind !== 'stateVector') {
        // A step 2 or an update: keep its bytes (after the message type) for later.
        const rest = decoder.arr.subarray(decoder.pos);
        decoder.pos = decoder.arr.length;
        this.#hold({ bytes: rest, socket: this.provider.ws, emitSynced }, hint);
        return;
      }
      sync(encoder, decoder, provider, emitSynced, messageType);
      this.#acks.onServerState(hint);
    };
    this.#replay = ({ bytes, socket, emitSynced }) => {
      // A step 2 marks the provider synced only if it came on the socket that is still open.
      const isSameSocket = socket !== null && socket === this.provider.ws;
      const decoder = decoding.createDecoder(bytes);
      sync(encoding.createEncoder(), decoder, this.provider, emitSynced && isSameSocket, MessageType.sync);
    };
    handlers[MessageType.auth] = (_encoder, decoder, provider) => {
      authProtocol.readAuthMessage(decoder, provider.doc, (_doc, reason) => {
        this.#setFacts({ permissionDenied: reason });
        this.#acks.stop();
      });
    };
  }

  #replay: (message: HeldMessage) => void = () => {};

  #hold(message: HeldMessage, hint: ServerStateHint): void {
    // The server's delete set still counts for acknowledgements: it describes what is stored.
    this.#acks.onServerState(hint);
    const held = this.#held ?? [];
    held.push(message);
    this.#heldBytes += message.bytes.byteLength;
    if (this.#heldBytes > MAX_HELD_BYTES) {
      this.#releaseHeld();
    }
  }

  #releaseHeld(): void {
    const held = this.#held;
    this.#held = null;
    this.#heldBytes = 0;
    for (const message of held ?? []) {
      this.#replay(message);
    }
  }

  #peek(decoder: Parameters<SyncHandler>[1]): ReturnType<typeof peekServerState> {
    try {
      return peekServerState(decoder);
    } catch (err) {
      // A message we cannot read is the stock handler's to reject; it only costs an acknowledgement.
      this.#diagnostics.report('rooms.peekServerState', err);
      return { kind: 'none' };
    }
  }

  #listen(): void {
    const provider = this.provider;
    window.addEventListener('online', this.#onOnline);
    window.addEventListener('offline', this.#onOffline);
    provider.on('status', () => this.#setFacts(this.#socketFacts()));
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) {
        this.#setFacts({ ...this.#socketFacts(), failures: 0, lastClose: null });
      }
    });
    provider.on('connection-close', (event: CloseEvent | null) => {
      this.#acks.onDisconnected();
      const failures = this.#facts.getSnapshot().failures + 1;
      const lastClose =
        event === null ? this.#facts.getSnapshot().lastClose : { code: event.code, reason: event.reason };
      this.#setFacts({ ...this.#socketFacts(), failures, lastClose });
      if (event !== null && isFatalCloseCode(event.code)) {
        // Signed out, no right to read, not registered: the workspace decides what happens next.
        // After y-websocket finished closing: the gate may disconnect the provider in answer.
        const close = { code: event.code, reason: event.reason };
        queueMicrotask(() => this.#gate.onRefused(this.#docId, close));
      }
      if (event?.code === CloseCode.tooManyConnections) {
        this.#retryLater(this.#retryAfterTooManyMs);
      } else if (event?.code === CloseCode.tryAgainLater) {
        // y-websocket has scheduled its own attempt: stop it once it finished closing, then wait.
        queueMicrotask(() => {
          this.provider.disconnect();
          this.#retryLater(this.#retryAfterBusyMs);
        });
      }
    });
  }

  /**
   * The relay turned the connection away for now (too many connections of the account, or busy):
   * try once more after `delayMs`, never in a tight loop; local changes wait on the device.
   */
  #retryLater(delayMs: number): void {
    this.#clearRetry();
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      const { isHeld, isOnline } = this.#facts.getSnapshot();
      if (!isHeld && isOnline && this.provider.ws === null) {
        this.provider.connect();
      }
    }, delayMs);
  }

  #clearRetry(): void {
    if (this.#retryTimer !== null) {
      clearTimeout(this.#retryTimer);
      this.#retryTimer = null;
    }
  }

  #socketFacts(): Pick<SyncFacts, 'isConnected' | 'hasSynced'> {
    return { isConnected: this.provider.wsconnected, hasSynced: this.provider.synced };
  }

  readonly #onOnline = (): void => {
    this.#setFacts({ isOnline: true, failures: 0 });
    const { lastClose, isHeld } = this.#facts.getSnapshot();
    // After a refusal (4400-4499) retrying cannot help; the gate reopens once the cause is fixed.
    if (!isHeld && (lastClose === null || !isFatalCloseCode(lastClose.code))) {
      this.provider.connect();
    }
  };

  /**
   * The workspace let the document connect (signed in again, registered, readable again) or
   * stopped it. Reopening clears the last refusal: it is what the workspace just resolved.
   */
  readonly #onGateChange = (): void => {
    const isHeld = !this.#gate.isOpen(this.#docId);
    if (isHeld === this.#facts.getSnapshot().isHeld) {
      return;
    }
    if (isHeld) {
      this.#setFacts({ isHeld });
      this.provider.disconnect();
      return;
    }
    this.#setFacts({ isHeld, lastClose: null, failures: 0 });
    if (navigator.onLine) {
      this.provider.connect();
    }
  };

  readonly #onOffline = (): void => {
    this.#setFacts({ isOnline: false });
    // Browsers keep a socket open (and hold its frames) across a network loss; y-websocket does
    // not watch the browser's network state, so close it ourselves and reconnect when online.
    this.provider.disconnect();
  };

  #setFacts(patch: Partial<SyncFacts>): void {
    this.#facts.update((facts) => {
      const next = { ...facts, ...patch };
      return shallowEqual(facts, next) ? facts : next;
    });
  }

  #publish(): void {
    const next = deriveSyncStatus(this.#facts.getSnapshot());
    this.status.update((current) => (isSameStatus(current, next) ? current : next));
  }
}

function isSameStatus(a: SyncStatus, b: SyncStatus): boolean {
  const { problem: problemA, ...restA } = a;
  const { problem: problemB, ...restB } = b;
  return shallowEqual(restA, restB) && shallowEqual(problemA ?? {}, problemB ?? {});
}
