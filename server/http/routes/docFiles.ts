import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { DocFileList } from '../../../shared/api/docFiles';
import { sha256Schema } from '../../../shared/api/docFiles';
import { handlingTarget } from '../../../shared/api/handling';
import { docIdSchema } from '../../../shared/api/schemas';
import {
  DOC_FILE_MEDIA_TYPES,
  DocFileQuota,
  docFileBytesMatchType,
  formatBytes,
  MAX_DOC_FILE_BYTES,
  parseDocFileMediaType,
} from '../../../shared/domain/docFiles';
import { Action, type Actor, ApiErrorCode, type DocId } from '../../../shared/index';
import type { AddDocFileOutcome } from '../../storage/DocFileStore';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { findDoc } from '../findDoc';
import { permit } from '../permit';
import { readBody } from '../readBody';
import { requireUser } from '../requireUser';
import { param } from '../validate';

/**
 * The headers of a file's bytes: its stored type; cached for good by the browser alone, since the
 * bytes of a hash never change and only readers may fetch them; never sniffed as another type nor
 * run as a page of this site, even when opened directly (DF5).
 */
function fileHeaders(mediaType: string, size: number): Record<string, string> {
  return {
    'Content-Type': mediaType,
    'Content-Length': String(size),
    'Cache-Control': 'private, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
}

/** The 413 of an upload over a quota: which one, what it holds and its limit, in words and in fields. */
function quotaError(outcome: Extract<AddDocFileOutcome, { kind: 'over_quota' }>, size: number): ApiError {
  const usage = `quota of ${formatBytes(outcome.limit)} (${formatBytes(outcome.used)} used)`;
  const message =
    outcome.quota === DocFileQuota.document
      ? `This document's files would pass its ${usage}: this file of ${formatBytes(size)} does not fit. Make photos smaller, or put further files in another document`
      : `The committee's files would pass their ${usage}: this file of ${formatBytes(size)} does not fit. Ask the administrator to raise COMMITTEE_FILES_QUOTA_BYTES`;
  return new ApiError(ApiErrorCode.quotaExceeded, message, {
    quota: { which: outcome.quota, used: outcome.used, limit: outcome.limit },
  });
}

/**
 * The files a document's text shows or links to, by the SHA-256 of their bytes (docs/API.md
 * "Document files"; docs/RULES.md DF1-DF5).
 */
export function registerDocFileRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  /** The document, once the caller may read it (DF1). */
  const readable = async (actor: Actor, id: DocId) => {
    const record = await findDoc(deps, id);
    permit(actor, Action.readDocument, handlingTarget(record));
    return record;
  };

  api.put('/docs/:id/files/:sha256', auth, async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    const sha256 = param(sha256Schema, c.req.param('sha256'), 'sha256');
    const { actor } = c.get('auth');
    // DF1: whoever may write the document's content, as the relay lets them into its content room.
    permit(actor, Action.editContent, handlingTarget(await findDoc(deps, id)));
    const header = c.req.header('content-type') ?? null;
    const mediaType = parseDocFileMediaType(header);
    if (mediaType === null) {
      throw new ApiError(
        ApiErrorCode.unsupportedMediaType,
        `A document file must be sent with one of these Content-Types: ${DOC_FILE_MEDIA_TYPES.join(', ')}; not ${
          header ?? 'without a Content-Type'
        }`,
      );
    }
    const bytes = await readBody(
      c.req.raw,
      MAX_DOC_FILE_BYTES,
      () =>
        new ApiError(
          ApiErrorCode.payloadTooLarge,
          `The file is larger than ${formatBytes(MAX_DOC_FILE_BYTES)}: make the photo smaller, or split the file`,
        ),
    );
    if (bytes.byteLength === 0) {
      throw ApiError.badRequest('The file is empty');
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) {
      throw ApiError.badRequest(
        `The bytes received have the SHA-256 ${actual}, not ${sha256}: the file changed or arrived incomplete; send it again`,
        'sha256',
      );
    }
    if (!docFileBytesMatchType(mediaType, bytes)) {
      throw ApiError.badRequest(
        `The file is not a real ${mediaType} file: its first bytes are not those of that type. Save it again in that format`,
      );
    }
    const outcome = await deps.docFiles.addLink(
      { docId: id, sha256, mediaType, bytes, addedBy: actor.id, addedAt: deps.now() },
      deps.docFileQuotas,
    );
    if (outcome.kind === 'over_quota') {
      throw quotaError(outcome, bytes.byteLength);
    }
    return c.json(outcome.file, outcome.kind === 'linked' ? 201 : 200);
  });

  api.get('/docs/:id/files', auth, async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    await readable(c.get('auth').actor, id);
    const [files, documentUsed, committeeUsed] = await Promise.all([
      deps.docFiles.listLinks(id),
      deps.docFiles.documentUsage(id),
      deps.docFiles.committeeUsage(),
    ]);
    const answer: DocFileList = {
      files,
      quota: {
        document: { used: documentUsed, limit: deps.docFileQuotas.document },
        committee: { used: committeeUsed, limit: deps.docFileQuotas.committee },
      },
    };
    return c.json(answer, 200);
  });

  // Hono answers HEAD with this GET route, dropping the body: HEAD only asks whether the file is linked.
  api.get('/docs/:id/files/:sha256', auth, async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    const sha256 = param(sha256Schema, c.req.param('sha256'), 'sha256');
    await readable(c.get('auth').actor, id);
    const notLinked = () => ApiError.notFound(`Document ${id} has no file ${sha256}`);
    if (c.req.method === 'HEAD') {
      if (!(await deps.docFiles.hasLink(id, sha256))) {
        throw notLinked();
      }
      return c.body(null, 200, { 'Cache-Control': 'private, no-cache' });
    }
    const stored = await deps.docFiles.getFile(id, sha256);
    if (stored === null) {
      throw notLinked();
    }
    return c.body(stored.bytes as Uint8Array<ArrayBuffer>, 200, fileHeaders(stored.mediaType, stored.size));
  });
}
