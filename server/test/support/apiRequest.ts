import type { z } from 'zod';

/** An answer of the API: status, headers and the parsed JSON body (undefined when empty). */
export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface ApiRequestOptions {
  /** Sent as `Authorization: Bearer`. */
  readonly token?: string;
  /** Sent as JSON with `Content-Type: application/json`. */
  readonly json?: unknown;
  /** Sent as it is, with the given headers (malformed JSON, CSV files). */
  readonly raw?: string | Uint8Array<ArrayBuffer>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One request to the real server; never throws for an error status. */
export async function apiRequest(
  baseUrl: string,
  method: string,
  path: string,
  options: ApiRequestOptions = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) {
    headers.authorization = `Bearer ${options.token}`;
  }
  let body: string | Uint8Array<ArrayBuffer> | null = null;
  if (options.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw !== undefined) {
    body = options.raw;
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

/** The body of a successful answer, checked with its schema; throws naming the request otherwise. */
export function expectOk<S extends z.ZodType>(answer: ApiAnswer, schema: S): z.output<S> {
  if (answer.status >= 300) {
    throw new Error(`expected success, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return schema.parse(answer.body);
}

/** Cheap scrypt parameters for API tests: they test the routes, not the hash's cost. */
export const FAST_PASSWORDS = { logN: 10, r: 8, p: 1 } as const;

/** The `name=value` part of the answer's Set-Cookie header for `name`; null when not set. */
export function cookieOf(answer: ApiAnswer, name: string): { value: string; attributes: string } | null {
  for (const header of answer.headers.getSetCookie()) {
    const [pair = '', ...attributes] = header.split(';');
    const index = pair.indexOf('=');
    if (pair.slice(0, index).trim() === name) {
      return { value: pair.slice(index + 1).trim(), attributes: attributes.map((a) => a.trim()).join('; ') };
    }
  }
  return null;
}
