import type { CDPSession, Page, Request } from 'playwright-core';
import { STREAM_EVENTS } from '../../shared/api/review';
import { type DocRecord, docRecordSchema } from '../../shared/api/schemas';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** `METHOD /path` of a request, with ids replaced by `:id` so that runs on different documents compare. */
export function requestLabel(method: string, url: string): string {
  return `${method} ${new URL(url).pathname.replace(UUID, ':id')}`;
}

/** One HTTP request of the page to the server's API, in the order they started. */
interface LoggedRequest {
  /** See `requestLabel`. */
  readonly label: string;
  /** Position among the log's starts and ends: orders a request against another's answer. */
  readonly startedAt: number;
  finishedAt: number | null;
}

/**
 * What a page exchanges with the server while a step runs: its API requests (Playwright's
 * request events), and the `record` events of the live stream (`GET /api/stream`, read through
 * the DevTools protocol, which reports each server-sent event of the page).
 */
export class PageTraffic {
  readonly #page: Page;
  readonly #origin: string;
  readonly #cdp: CDPSession;
  readonly #requests = new Map<Request, LoggedRequest>();
  readonly #records: DocRecord[] = [];
  #clock = 0;

  private constructor(page: Page, origin: string, cdp: CDPSession) {
    this.#page = page;
    this.#origin = origin;
    this.#cdp = cdp;
  }

  /** Starts watching before the page loads the app, so that the stream is seen from its start. */
  static async watch(page: Page, origin: string): Promise<PageTraffic> {
    const cdp = await page.context().newCDPSession(page);
    const traffic = new PageTraffic(page, origin, cdp);
    page.on('request', traffic.#onRequest);
    page.on('requestfinished', traffic.#onFinished);
    cdp.on('Network.eventSourceMessageReceived', (event) => {
      if (event.eventName === STREAM_EVENTS.record) {
        traffic.#onRecordEvent(event.data);
      }
    });
    await cdp.send('Network.enable');
    return traffic;
  }

  /** Forgets the requests and stream events seen so far. */
  clear(): void {
    this.#requests.clear();
    this.#records.length = 0;
  }

  /** `METHOD /path` of every API request since `clear`, in the order they started. */
  requests(): string[] {
    return [...this.#requests.values()].map((request) => request.label);
  }

  /**
   * Whether a request labelled `later` started after the first one labelled `earlier` had its
   * answer, and has had its own (labels as `requestLabel` makes them).
   */
  hasAnsweredAfter(earlier: string, later: string): boolean {
    const all = [...this.#requests.values()];
    const answeredAt = all.find((request) => request.label === earlier)?.finishedAt ?? null;
    return (
      answeredAt !== null &&
      all.some((request) => request.label === later && request.startedAt > answeredAt && request.finishedAt !== null)
    );
  }

  /** Whether the stream brought the document's record in `status` since `clear`. */
  hasStreamedRecord(docId: string, status: string): boolean {
    return this.#records.some((record) => record.id === docId && record.status === status);
  }

  async stop(): Promise<void> {
    this.#page.off('request', this.#onRequest);
    this.#page.off('requestfinished', this.#onFinished);
    await this.#cdp.detach().catch(() => undefined);
  }

  readonly #onRequest = (request: Request): void => {
    const url = new URL(request.url());
    if (url.origin === this.#origin && url.pathname.startsWith('/api/')) {
      this.#clock += 1;
      const label = requestLabel(request.method(), request.url());
      this.#requests.set(request, { label, startedAt: this.#clock, finishedAt: null });
    }
  };

  readonly #onFinished = (request: Request): void => {
    const logged = this.#requests.get(request);
    if (logged !== undefined) {
      this.#clock += 1;
      logged.finishedAt = this.#clock;
    }
  };

  /** Server data is untrusted: an event that is not a record is ignored (the app drops it too). */
  #onRecordEvent(data: string): void {
    try {
      const parsed = docRecordSchema.safeParse(JSON.parse(data));
      if (parsed.success) {
        this.#records.push(parsed.data);
      }
    } catch {
      // Not JSON: not a record.
    }
  }
}
