import { ApiError } from './ApiError';

/** A JSON body is a few fields: 64 KiB is far more than any route needs. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

function tooLarge(maxBytes: number): ApiError {
  return ApiError.badRequest(`The request body is larger than ${describeBytes(maxBytes)}: send less`);
}

/**
 * Reads a request body of at most `maxBytes`, refusing a larger one as soon as its declared
 * length or the bytes received so far exceed the limit, so a huge body is never buffered. The
 * refusal is a 400 naming the limit, or `refuse()`'s error (an upload's 413 `payload_too_large`).
 * One reader for every body: JSON, a roster, an attachment, a document file.
 */
export async function readBody(
  request: Request,
  maxBytes: number,
  refuse: () => ApiError = () => tooLarge(maxBytes),
): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw refuse();
  }
  if (request.body === null) {
    return new Uint8Array(0);
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw refuse();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
