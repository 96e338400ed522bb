import { z } from 'zod';
import {
  ADOPTION_LEVELS,
  ADOPTION_TYPES,
  type AdoptionRecord,
  MAX_ADOPTION_BY,
  MAX_ADOPTION_NOTE,
} from '../domain/adoptions';
import { ATTACHMENT_KINDS, type AttachmentKind, MEDIA_TYPES, type MediaType } from '../domain/attachments';
import type { DocId, UnitId, UserId } from '../domain/ids';
import { docIdSchema, unitIdSchema, userIdSchema } from './schemas';

/**
 * Request and answer bodies of the attachment and adoption routes (docs/API.md, "Attachments
 * and the use made of reports"). The bytes themselves travel raw, never in JSON.
 */

/** A file tied to a document, as lists answer it: everything but its bytes. */
export interface AttachmentInfo {
  readonly id: string;
  readonly docId: DocId;
  readonly kind: AttachmentKind;
  readonly name: string;
  readonly mediaType: MediaType;
  readonly size: number;
  /** Hex SHA-256 of the bytes, for whoever wants to check a copy. */
  readonly sha256: string;
  readonly uploadedBy: UserId;
  /** The unit the uploader answered for (a reply letter's); null for the secretariat's evidence. */
  readonly unitId: UnitId | null;
  readonly uploadedAt: number;
}

export const attachmentSchema = z.object({
  id: z.string().uuid(),
  docId: docIdSchema,
  kind: z.enum(ATTACHMENT_KINDS),
  name: z.string(),
  mediaType: z.enum(MEDIA_TYPES),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  uploadedBy: userIdSchema,
  unitId: unitIdSchema.nullable(),
  uploadedAt: z.number(),
}) satisfies z.ZodType<AttachmentInfo>;

export const attachmentListSchema = z.object({ attachments: z.array(attachmentSchema) });

/** The query of `POST /api/docs/:id/attachments`. */
export const attachmentQuerySchema = z.object({
  kind: z.enum(ATTACHMENT_KINDS),
  name: z.string().min(1, 'give the file name').max(1000),
});

export const adoptionSchema = z.object({
  id: z.string().uuid(),
  docId: docIdSchema,
  type: z.enum(ADOPTION_TYPES),
  level: z.enum(ADOPTION_LEVELS),
  by: z.string(),
  at: z.number(),
  note: z.string(),
  evidenceAttachmentId: z.string().uuid().nullable(),
  recordedBy: userIdSchema,
  recordedAt: z.number(),
}) satisfies z.ZodType<AdoptionRecord>;

export const adoptionListSchema = z.object({
  records: z.array(adoptionSchema),
  /** The evidence the records point to, for their download links. */
  attachments: z.array(attachmentSchema),
});

export const adoptionRequestSchema = z
  .object({
    type: z.enum(ADOPTION_TYPES),
    level: z.enum(ADOPTION_LEVELS),
    by: z.string().trim().min(1, 'name who forwarded, adopted or instructed').max(MAX_ADOPTION_BY),
    /** The day (ms). */
    at: z.number().int().nonnegative(),
    note: z.string().trim().max(MAX_ADOPTION_NOTE).default(''),
    evidenceAttachmentId: z.string().uuid().nullable().default(null),
  })
  .strict();
