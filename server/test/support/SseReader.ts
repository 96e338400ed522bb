import { waitUntil } from './SyncClient';

/** One server-sent event as received. */
export interface ReceivedEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Reads a server-sent event stream over a real fetch, for tests: keeps every event and comment
 * received, and waits for one. `close()` aborts the request.
 */
export class SseReader {
  readonly events: ReceivedEvent[] = [];
  readonly comments: string[] = [];
  status = 0;
  contentType: string | null = null;
  isEnded = false;
  /** True when the server ended the response; false while open, or when it broke off or was aborted. */
  isEndedByServer = false;
  readonly #abort = new AbortController();
  #buffer = '';

  /** Opens the stream with `token` as Bearer and resolves once its headers arrived. */
  static async open(url: string, token: string): Promise<SseReader> {
    const reader = new SseReader();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: reader.#abort.signal });
    reader.status = response.status;
    reader.contentType = response.headers.get('content-type');
    if (response.body === null) {
      reader.isEnded = true;
      return reader;
    }
    void reader.#pump(response.body.getReader());
    return reader;
  }

  /** Resolves with the first event received so far or later that matches. */
  async waitFor(predicate: (event: ReceivedEvent) => boolean, what: string): Promise<ReceivedEvent> {
    await waitUntil(() => this.events.some(predicate), what);
    return this.events.find(predicate) as ReceivedEvent;
  }

  close(): void {
    this.#abort.abort();
  }

  async #pump(body: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await body.read();
        if (done) {
          this.isEndedByServer = true;
          break;
        }
        this.#buffer += decoder.decode(value, { stream: true });
        this.#parse();
      }
    } catch {
      // Aborted by close(), or the connection dropped: either way the stream ended.
    }
    this.isEnded = true;
  }

  #parse(): void {
    for (let end = this.#buffer.indexOf('\n\n'); end >= 0; end = this.#buffer.indexOf('\n\n')) {
      const block = this.#buffer.slice(0, end);
      this.#buffer = this.#buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments.push(line.slice(1).trim());
        } else if (line.startsWith('event: ')) {
          event = line.slice('event: '.length);
        } else if (line.startsWith('data: ')) {
          data.push(line.slice('data: '.length));
        }
      }
      if (data.length > 0) {
        this.events.push({ event, data: data.join('\n') });
      }
    }
  }
}
