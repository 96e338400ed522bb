import { createHash, randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { adoptionRequestSchema, attachmentQuerySchema } from '../../../shared/api/attachments';
import { handlingTarget } from '../../../shared/api/handling';
import { docIdSchema } from '../../../shared/api/schemas';
import { AdoptionRefusal, newAdoptionRecord, notifiesProposers } from '../../../shared/domain/adoptions';
import {
  AttachmentKind,
  bytesMatchType,
  cleanAttachmentName,
  contentDisposition,
  KIND_MEDIA_TYPES,
  MAX_ATTACHMENT_BYTES,
  parseMediaType,
} from '../../../shared/domain/attachments';
import { Action, ApiErrorCode, type DocId } from '../../../shared/index';
import { announceNotifications } from '../../review/announce';
import { notificationsFor, proposersOf } from '../../review/recipients';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { findDoc } from '../findDoc';
import { permit } from '../permit';
import { readBody } from '../readBody';
import { requireUser } from '../requireUser';
import { jsonBody, param, parseWith } from '../validate';

const TYPE_NAMES = 'a PDF or a Word (.docx) file, or for evidence also a JPEG or PNG image';

/** Reads an upload of at most MAX_ATTACHMENT_BYTES (413 as soon as it passes the limit). */
function readUpload(request: Request): Promise<Uint8Array> {
  return readBody(
    request,
    MAX_ATTACHMENT_BYTES,
    () =>
      new ApiError(
        ApiErrorCode.payloadTooLarge,
        'The file is larger than 10 MiB: scan it at a lower resolution, or split it',
      ),
  );
}

/**
 * Files tied to documents and the use made of reports (docs/API.md "Attachments and the use made
 * of reports"; docs/RULES.md AT1-AT4, U1-U3, P20).
 */
export function registerAttachmentRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  /** The document's record, once the caller may read it (AT3). */
  const readable = async (actor: Parameters<typeof permit>[0], id: DocId) => {
    const record = await findDoc(deps, id);
    permit(actor, Action.readDocument, handlingTarget(record));
    return record;
  };

  api.post('/docs/:id/attachments', auth, async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    const { actor } = c.get('auth');
    const query = parseWith(attachmentQuerySchema, { kind: c.req.query('kind'), name: c.req.query('name') }, 'query');
    const record = await findDoc(deps, id);
    // AT1: a reply letter by a unit handling the proposal, evidence by the secretariat.
    permit(
      actor,
      query.kind === AttachmentKind.replyLetter ? Action.handleProposal : Action.recordAdoption,
      handlingTarget(record),
    );
    const name = cleanAttachmentName(query.name);
    if (name === null) {
      throw ApiError.badRequest('The file name is empty once its path and control characters are removed', 'name');
    }
    const header = c.req.header('content-type') ?? null;
    const mediaType = parseMediaType(header);
    if (mediaType === null || !KIND_MEDIA_TYPES[query.kind].includes(mediaType)) {
      throw new ApiError(
        ApiErrorCode.unsupportedMediaType,
        `A ${query.kind === AttachmentKind.replyLetter ? 'reply letter' : 'piece of evidence'} must be ${
          query.kind === AttachmentKind.replyLetter ? 'a PDF or a Word (.docx) file' : TYPE_NAMES
        }, sent with its Content-Type; not ${header ?? 'without a Content-Type'}`,
      );
    }
    const bytes = await readUpload(c.req.raw);
    if (bytes.byteLength === 0) {
      throw ApiError.badRequest('The file is empty');
    }
    if (!bytesMatchType(mediaType, bytes)) {
      throw ApiError.badRequest(
        `The file is not a real ${mediaType} file: its first bytes are not those of that type. Save it again as PDF, DOCX, JPEG or PNG`,
      );
    }
    const stored = {
      id: randomUUID(),
      docId: id,
      kind: query.kind,
      name,
      mediaType,
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: actor.id,
      unitId: query.kind === AttachmentKind.replyLetter ? (actor.unitId ?? null) : null,
      uploadedAt: deps.now(),
    };
    await deps.attachments.addAttachment({ ...stored, bytes });
    return c.json(stored, 201);
  });

  api.get('/docs/:id/attachments', auth, async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    await readable(c.get('auth').actor, id);
    return c.json({ attachments: await deps.attachments.listAttachments(id) }, 200);
  });

  api.get('/docs/:id/attachments/:attachmentId', auth, async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    await readable(c.get('auth').actor, id);
    const stored = await deps.attachments.getAttachment(id, c.req.param('attachmentId'));
    if (stored === null) {
      throw ApiError.notFound(`Document ${id} has no such attachment`);
    }
    return c.body(stored.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': stored.mediaType,
      'Content-Length': String(stored.size),
      'Content-Disposition': contentDisposition(stored.name),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      // A file is never run as a page of this site, even when opened directly.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
  });

  const adoptionsOf = async (id: DocId) => {
    const [records, attachments] = await Promise.all([
      deps.attachments.listAdoptions(id),
      deps.attachments.listAttachments(id),
    ]);
    return { records, attachments: attachments.filter((each) => each.kind === AttachmentKind.evidence) };
  };

  api.get('/docs/:id/adoptions', auth, async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    await readable(c.get('auth').actor, id);
    return c.json(await adoptionsOf(id), 200);
  });

  api.post('/docs/:id/adoptions', auth, jsonBody(adoptionRequestSchema), async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    const { actor } = c.get('auth');
    const body = c.get('body');
    const record = await findDoc(deps, id);
    permit(actor, Action.recordAdoption, handlingTarget(record));
    const now = deps.now();
    const made = newAdoptionRecord(
      { id: randomUUID(), docId: id, ...body },
      await deps.attachments.listAttachments(id),
      actor.id,
      now,
    );
    if (!made.ok) {
      throw made.refusal === AdoptionRefusal.badEvidence
        ? ApiError.badRequest(
            'The evidence is not a file uploaded as evidence of this document',
            'evidenceAttachmentId',
          )
        : ApiError.badRequest('The day must be a real day, not in the future', 'at');
    }
    await deps.attachments.addAdoption(made.record);
    // U3: the proposers hear of an adoption or an instruction.
    if (notifiesProposers(made.record.type)) {
      const people = await deps.accounts.listUsers();
      const notifications = notificationsFor(record, proposersOf(record), people, {
        type: 'adopted',
        actorId: actor.id,
        at: now,
        reason: made.record.by,
      });
      if (notifications.length > 0) {
        announceNotifications(deps.hub, await deps.reviews.addNotifications(notifications));
      }
    }
    return c.json(await adoptionsOf(id), 201);
  });

  api.delete('/docs/:id/adoptions/:recordId', auth, async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    const { actor } = c.get('auth');
    const record = await findDoc(deps, id);
    permit(actor, Action.recordAdoption, handlingTarget(record));
    if (!(await deps.attachments.removeAdoption(id, c.req.param('recordId')))) {
      throw ApiError.notFound(`Document ${id} has no such record`);
    }
    return c.json(await adoptionsOf(id), 200);
  });
}
