import { docFileSchema } from '../../../shared/api/docFiles';
import type { DocFileMediaType } from '../../../shared/domain/docFiles';
import type { DocId } from '../../../shared/domain/ids';
import type { HttpTransport } from './HttpTransport';

/** A photo or attachment of up to 10 MiB on a slow rural link. */
const DOC_FILE_TIMEOUT_MS = 120_000;

/** A document's files by SHA-256 (docs/API.md, "Document files"). */
export class DocFileApi {
  readonly #transport: HttpTransport;

  constructor(transport: HttpTransport) {
    this.#transport = transport;
  }

  /** Whether the server has the file linked to the document already (HEAD). */
  async has(docId: DocId, sha256: string): Promise<boolean> {
    return (await this.#transport.fetchRaw('HEAD', pathOf(docId, sha256))) !== null;
  }

  /** Uploads the bytes; the server checks their type and hash and the quotas (413 `quota_exceeded`). */
  put(docId: DocId, sha256: string, bytes: Uint8Array<ArrayBuffer>, mediaType: DocFileMediaType) {
    return this.#transport.request({
      method: 'PUT',
      path: pathOf(docId, sha256),
      answer: docFileSchema,
      raw: { body: new Blob([bytes], { type: mediaType }), contentType: mediaType },
      timeoutMs: DOC_FILE_TIMEOUT_MS,
    });
  }

  /** The file's bytes; null when the server has none linked to the document (not uploaded yet). */
  async get(docId: DocId, sha256: string): Promise<Uint8Array | null> {
    const response = await this.#transport.fetchRaw('GET', pathOf(docId, sha256), DOC_FILE_TIMEOUT_MS);
    return response === null ? null : new Uint8Array(await response.arrayBuffer());
  }
}

function pathOf(docId: DocId, sha256: string): string {
  return `/api/docs/${encodeURIComponent(docId)}/files/${encodeURIComponent(sha256)}`;
}
