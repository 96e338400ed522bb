import { type Notification, notificationSchema, STREAM_EVENTS } from '../../../shared/api/review';
import { type DocRecord, docRecordSchema } from '../../../shared/api/schemas';

/** The part of `EventSource` the stream uses, so that tests can pass a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void): void;
  close(): void;
}

/** `EventSource.CLOSED`: the browser gave up (an HTTP error answer); it will not reconnect by itself. */
const CLOSED = 2;
/** First reopen after the browser gave up; doubles up to the maximum. */
const REOPEN_FIRST_DELAY_MS = 3_000;
/** A stream refused for a while (server restarting, route missing) is still tried now and then. */
const REOPEN_MAX_DELAY_MS = 5 * 60_000;

export interface LiveStreamOptions {
  /** `/api/stream` on the app's origin by default. */
  readonly url?: string;
  /** Opens the connection; null where there is no EventSource (Node, in unit tests of other parts). */
  readonly create?: (url: string) => EventSourceLike | null;
  readonly onNotification: (notification: Notification) => void;
  readonly onRecord: (record: DocRecord) => void;
  /** The stream (re)connected: whatever was sent meanwhile was missed, so fetch it. */
  readonly onOpen: () => void;
  /** A message that did not match its schema was dropped. */
  readonly onDropped: (err: Error) => void;
}

function createBrowserEventSource(url: string): EventSourceLike | null {
  return typeof EventSource === 'function' ? new EventSource(url, { withCredentials: true }) : null;
}

/** Server data is untrusted: what is not JSON matching its schema is dropped, saying why. */
function parseData<T>(
  event: MessageEvent<unknown>,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): T | Error {
  if (typeof event.data !== 'string') {
    return new Error(`A ${event.type} event of the stream carried no text`);
  }
  try {
    const parsed = schema.safeParse(JSON.parse(event.data));
    return parsed.success ? parsed.data : new Error(`A ${event.type} event of the stream did not match its schema`);
  } catch (err) {
    return new Error(`A ${event.type} event of the stream is not JSON`, { cause: err });
  }
}

/**
 * `GET /api/stream` (server-sent events) while the user is signed in and online: notifications
 * and changed records arrive live. The browser reconnects a dropped stream by itself; a stream it
 * gave up on (an error answer) is reopened with backoff.
 */
export class LiveStream {
  readonly #options: LiveStreamOptions;
  #source: EventSourceLike | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #failures = 0;

  constructor(options: LiveStreamOptions) {
    this.#options = options;
  }

  get isRunning(): boolean {
    return this.#source !== null || this.#timer !== null;
  }

  /** Opens the stream unless it is open (or waiting to reopen). */
  start(): void {
    if (!this.isRunning) {
      this.#open();
    }
  }

  stop(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    this.#source?.close();
    this.#source = null;
    this.#failures = 0;
  }

  #open(): void {
    const url = this.#options.url ?? '/api/stream';
    const create = this.#options.create ?? createBrowserEventSource;
    const source = create(url);
    if (source === null) {
      return;
    }
    this.#source = source;
    source.onopen = () => {
      this.#failures = 0;
      this.#options.onOpen();
    };
    source.onerror = () => {
      if (source.readyState === CLOSED && this.#source === source) {
        source.close();
        this.#source = null;
        this.#scheduleReopen();
      }
    };
    source.addEventListener(STREAM_EVENTS.notification, (event) => {
      const notification = parseData(event, notificationSchema);
      this.#deliver(notification, this.#options.onNotification);
    });
    source.addEventListener(STREAM_EVENTS.record, (event) => {
      const record = parseData(event, docRecordSchema);
      this.#deliver(record, this.#options.onRecord);
    });
  }

  #deliver<T>(value: T | Error, onValue: (value: T) => void): void {
    if (value instanceof Error) {
      this.#options.onDropped(value);
      return;
    }
    onValue(value);
  }

  #scheduleReopen(): void {
    this.#failures += 1;
    const delay = Math.min(REOPEN_FIRST_DELAY_MS * 2 ** (this.#failures - 1), REOPEN_MAX_DELAY_MS);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#open();
    }, delay);
  }
}
