import { z } from 'zod';
import { DOC_FILE_MEDIA_TYPES, type DocFileMediaType, SHA256_PATTERN } from '../domain/docFiles';
import type { UserId } from '../domain/ids';
import { userIdSchema } from './schemas';

/**
 * Answers of the document files routes (docs/API.md "Document files"; docs/RULES.md DF1-DF5).
 * The bytes travel raw in `PUT` and `GET /api/docs/:id/files/:sha256`, never in JSON.
 */

export const sha256Schema = z
  .string()
  .regex(SHA256_PATTERN, 'must be the SHA-256 of the bytes: 64 lowercase hex digits')
  .meta({ pattern: SHA256_PATTERN.source });

export const docFileMediaTypeSchema = z.enum(DOC_FILE_MEDIA_TYPES as [DocFileMediaType, ...DocFileMediaType[]]);

/** A file linked to a document: everything but its bytes. */
export interface DocFileInfo {
  readonly sha256: string;
  readonly mediaType: DocFileMediaType;
  readonly size: number;
  /** Who first linked it to this document. */
  readonly addedBy: UserId;
  /** When it was first linked to this document (ms). */
  readonly addedAt: number;
}

/** The answer of `PUT` (201 newly linked, 200 already linked) and one entry of the list. */
export const docFileSchema = z.object({
  sha256: sha256Schema,
  mediaType: docFileMediaTypeSchema,
  size: z.number().int().nonnegative(),
  addedBy: userIdSchema,
  addedAt: z.number(),
}) satisfies z.ZodType<DocFileInfo>;

/** Bytes used of a quota and its limit. */
export const quotaUsageSchema = z.object({
  used: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
});
export type QuotaUsage = z.infer<typeof quotaUsageSchema>;

/** The answer of `GET /api/docs/:id/files`: the files, oldest first, and both quotas. */
export const docFileListSchema = z.object({
  files: z.array(docFileSchema),
  quota: z.object({
    /** The sizes of the files linked to this document. */
    document: quotaUsageSchema,
    /** The sizes of the committee's distinct files, each counted once however many documents link it. */
    committee: quotaUsageSchema,
  }),
});
export type DocFileList = z.infer<typeof docFileListSchema>;

/**
 * The error answer of a refused upload over a quota (413 `quota_exceeded`): the usual error
 * fields plus which quota, what it holds now and its limit, in bytes.
 */
export const docFileQuotaErrorSchema = z.object({
  error: z.literal('quota_exceeded'),
  message: z.string(),
  quota: z.enum(['document', 'committee']),
  used: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
});
export type DocFileQuotaError = z.infer<typeof docFileQuotaErrorSchema>;
