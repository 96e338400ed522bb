import type { z } from 'zod';
import {
  adoptionListSchema,
  adoptionRequestSchema,
  attachmentListSchema,
  attachmentSchema,
} from '../../../shared/api/attachments';
import type { AttachmentKind, MediaType } from '../../../shared/domain/attachments';
import type { DocId } from '../../../shared/domain/ids';
import type { HttpTransport } from './HttpTransport';

/** An upload may be a scan of several megabytes on a slow link. */
const ATTACHMENT_UPLOAD_TIMEOUT_MS = 120_000;

/**
 * Files tied to documents and the use made of reports (docs/API.md, "Attachments and the use
 * made of reports"). Downloads are plain links (`downloadPath`): the browser sends the cookie.
 */
export class AttachmentApi {
  readonly #transport: HttpTransport;

  constructor(transport: HttpTransport) {
    this.#transport = transport;
  }

  async list(docId: DocId) {
    const path = `/api/docs/${enc(docId)}/attachments`;
    return (await this.#transport.request({ method: 'GET', path, answer: attachmentListSchema })).attachments;
  }

  /** Uploads a file as it is, with its type; the server checks the type against its first bytes. */
  upload(docId: DocId, kind: AttachmentKind, file: Blob, name: string, mediaType: MediaType) {
    const query = new URLSearchParams({ kind, name });
    const path = `/api/docs/${enc(docId)}/attachments?${query.toString()}`;
    const raw = { body: file, contentType: mediaType };
    return this.#transport.request({
      method: 'POST',
      path,
      answer: attachmentSchema,
      raw,
      timeoutMs: ATTACHMENT_UPLOAD_TIMEOUT_MS,
    });
  }

  /** Where a file is downloaded (a link's `href`). */
  downloadPath(docId: DocId, attachmentId: string): string {
    return `/api/docs/${enc(docId)}/attachments/${enc(attachmentId)}`;
  }

  listAdoptions(docId: DocId) {
    const path = `/api/docs/${enc(docId)}/adoptions`;
    return this.#transport.request({ method: 'GET', path, answer: adoptionListSchema });
  }

  recordAdoption(docId: DocId, input: z.input<typeof adoptionRequestSchema>) {
    const path = `/api/docs/${enc(docId)}/adoptions`;
    const json = { schema: adoptionRequestSchema, value: input };
    return this.#transport.request({ method: 'POST', path, answer: adoptionListSchema, json });
  }

  removeAdoption(docId: DocId, recordId: string) {
    const path = `/api/docs/${enc(docId)}/adoptions/${enc(recordId)}`;
    return this.#transport.request({ method: 'DELETE', path, answer: adoptionListSchema });
  }
}

function enc(part: string): string {
  return encodeURIComponent(part);
}
