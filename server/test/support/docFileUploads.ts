import { createHash } from 'node:crypto';
import type { DocId } from '../../../shared/index';
import { type ApiAnswer, apiRequest } from './apiRequest';

/** The lowercase hex SHA-256 of `bytes`, as a document names a file. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `size` bytes beginning as a JPEG does, different from any other call's. */
export function jpegOf(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  bytes.set(createHash('sha256').update(`${Math.random()}-${process.hrtime.bigint()}`).digest(), 4);
  return bytes;
}

/** Sends `bytes` as `PUT /api/docs/:id/files/:sha256` (the hash of the bytes unless given). */
export function putDocFile(
  baseUrl: string,
  token: string,
  id: DocId,
  file: { readonly bytes: Uint8Array<ArrayBuffer>; readonly type: string; readonly sha256?: string },
): Promise<ApiAnswer> {
  return apiRequest(baseUrl, 'PUT', `/api/docs/${id}/files/${file.sha256 ?? sha256Of(file.bytes)}`, {
    token,
    headers: { 'content-type': file.type },
    raw: file.bytes,
  });
}
