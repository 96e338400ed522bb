import type { z } from 'zod';
import { ClientError, ClientErrorCode } from '../errors';
import { apiErrorFromAnswer, apiErrorFromIssues, invalidAnswer, noAnswer } from './apiErrors';
import type { ServerClock } from './ServerClock';

/**
 * A request that got no answer in this time counts as a network failure: on a slow rural link a
 * stalled request would otherwise hold the outbox or a sign-in form for minutes.
 */
const REQUEST_TIMEOUT_MS = 30_000;

/** One request of the API and the schema of its answer. */
export interface RequestSpec<T> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly answer: z.ZodType<T>;
  /** A JSON body, validated with its schema before it is sent. */
  readonly json?: { readonly schema: z.ZodType; readonly value: unknown };
  /** A raw body with its content type (a roster file). */
  readonly raw?: { readonly body: Blob; readonly contentType: string };
  /**
   * Whether a 401 means that the session ended. False for the requests that create a session or
   * check a password, where 401 means the credentials were wrong.
   */
  readonly isSessionRequest?: boolean;
  readonly timeoutMs?: number;
}

export interface HttpTransportOptions {
  /** Prefix of every path; '' (the default) is the origin that served the app. */
  readonly baseUrl?: string;
  /** The fetch to use; tests pass a fake. */
  readonly fetch?: typeof fetch;
  /** Learns the server's time from each answer's `Date` header. */
  readonly clock?: ServerClock;
}

/**
 * Sends one request and reads its answer: a body this client would not send is refused before the
 * round trip, a refusal becomes a `ClientError` with the API's code and status, no answer at all
 * one with `network`, and an answer that does not match its schema one with `invalid_response`.
 */
export class HttpTransport {
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #clock: ServerClock | null;
  readonly #onUnauthorized = new Set<() => void>();

  constructor(options: HttpTransportOptions = {}) {
    this.#baseUrl = options.baseUrl ?? '';
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#clock = options.clock ?? null;
  }

  /** Calls `listener` whenever a signed-in request is answered 401 (the session ended). */
  onUnauthorized(listener: () => void): () => void {
    this.#onUnauthorized.add(listener);
    return () => {
      this.#onUnauthorized.delete(listener);
    };
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    // Invitation secrets never appear in an error's message.
    const name = `${spec.method} ${spec.path.replace(/\/invitations\/[^/]+/, '/invitations/…')}`;
    const response = await this.#send(spec.path, requestInit(spec, name), name, spec.isSessionRequest);
    const body = response.status === 204 ? undefined : await readJson(response);
    const parsed = spec.answer.safeParse(body);
    if (!parsed.success) {
      throw invalidAnswer(response.status, parsed.error, name);
    }
    return parsed.data;
  }

  /**
   * A request whose answer is not JSON (a HEAD, a file's bytes): the response when it succeeded,
   * null when answered 404; other refusals throw as `request`'s do.
   */
  async fetchRaw(method: 'GET' | 'HEAD', path: string, timeoutMs?: number): Promise<Response | null> {
    const name = `${method} ${path}`;
    const init: RequestInit = {
      method,
      credentials: 'same-origin',
      signal: AbortSignal.timeout(timeoutMs ?? REQUEST_TIMEOUT_MS),
    };
    try {
      return await this.#send(path, init, name, true);
    } catch (err) {
      if (err instanceof ClientError && err.status === 404) {
        return null;
      }
      throw err;
    }
  }

  async #send(path: string, init: RequestInit, name: string, isSessionRequest?: boolean): Promise<Response> {
    let response: Response;
    const sentAt = Date.now();
    try {
      response = await this.#fetch(`${this.#baseUrl}${path}`, init);
    } catch (err) {
      throw noAnswer(name, err);
    }
    this.#clock?.observe(response.headers.get('date'), sentAt, Date.now());
    if (!response.ok) {
      const body = await readJson(response);
      const error = apiErrorFromAnswer(response.status, body, name, response.headers.get('retry-after'));
      if (error.code === ClientErrorCode.unauthorized && isSessionRequest !== false) {
        for (const listener of [...this.#onUnauthorized]) {
          listener();
        }
      }
      throw error;
    }
    return response;
  }
}

function requestInit(spec: RequestSpec<unknown>, name: string): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (spec.json !== undefined) {
    const checked = spec.json.schema.safeParse(spec.json.value);
    if (!checked.success) {
      throw apiErrorFromIssues(checked.error, name);
    }
    headers['content-type'] = 'application/json';
    body = JSON.stringify(checked.data);
  } else if (spec.raw !== undefined) {
    headers['content-type'] = spec.raw.contentType;
    body = spec.raw.body;
  }
  return {
    method: spec.method,
    headers,
    body,
    credentials: 'same-origin',
    signal: AbortSignal.timeout(spec.timeoutMs ?? REQUEST_TIMEOUT_MS),
  };
}

/** The answer's JSON, or undefined when it has none or it is not JSON (a proxy's error page). */
async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}
