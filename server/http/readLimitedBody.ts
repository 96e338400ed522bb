import { ApiErrorCode } from '../../shared/index';
import { ApiError } from './ApiError';

export interface ReadLimitedBodyOptions {
  /** The most bytes taken. */
  readonly maxBytes: number;
  /** The 413 answer's message: what the limit is and what to do. */
  readonly tooLargeMessage: string;
}

/**
 * Reads an upload's raw body of at most `maxBytes`, refusing a larger one with 413
 * (`payload_too_large`) as soon as its declared length or the bytes received pass the limit, so
 * a huge body is never held whole. An absent body reads as no bytes.
 */
export async function readLimitedBody(request: Request, options: ReadLimitedBodyOptions): Promise<Uint8Array> {
  const tooLarge = () => new ApiError(ApiErrorCode.payloadTooLarge, options.tooLargeMessage);
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    throw tooLarge();
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
    if (total > options.maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
