import { z } from 'zod';
import { DOC_KINDS, type DocKind } from '../domain/documentSchema';
import { SUBMIT_CHECKS, type SubmitCheck } from '../domain/submitChecks';

const checkNames = SUBMIT_CHECKS as [SubmitCheck, ...SubmitCheck[]];

/** The longest limit a check takes: a body of 100,000 characters is far beyond any form. */
export const MAX_CHECK_LIMIT = 100_000;

const checkSettingSchema = z.object({
  enabled: z.boolean(),
  blocking: z.boolean(),
  limit: z.number().int().min(1).max(MAX_CHECK_LIMIT).nullable(),
});

const kindChecksSchema = z.object(
  Object.fromEntries(SUBMIT_CHECKS.map((check) => [check, checkSettingSchema])) as {
    [C in SubmitCheck]: typeof checkSettingSchema;
  },
);

/** `PUT /api/committee/submit-checks`: every check of every kind (shared/domain/submitChecks.ts). */
export const submitChecksRequestSchema = z.object({
  checks: z.object(
    Object.fromEntries(DOC_KINDS.map((kind) => [kind, kindChecksSchema])) as {
      [K in DocKind]: typeof kindChecksSchema;
    },
  ),
});
export type SubmitChecksRequest = z.input<typeof submitChecksRequestSchema>;

/** `GET` and `PUT /api/committee/submit-checks`: the configuration, and who last changed it (null: the defaults). */
export const submitChecksSettingSchema = submitChecksRequestSchema.extend({
  updatedAt: z.number().nullable(),
  updatedBy: z.string().nullable(),
});
export type SubmitChecksSetting = z.infer<typeof submitChecksSettingSchema>;

/** One check's outcome, as a refused submit lists it (`checks_failed`). */
export const checkResultSchema = z.object({
  check: z.enum(checkNames),
  passed: z.boolean(),
  blocking: z.boolean(),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('title') }),
    z.object({ kind: z.literal('body'), heading: z.string().nullable() }),
    z.object({ kind: z.literal('field'), key: z.string() }),
    z.object({ kind: z.literal('cosigners') }),
  ]),
  detail: z.object({
    limit: z.number().optional(),
    length: z.number().optional(),
    missing: z.enum(['reasons', 'suggestions']).optional(),
    userIds: z.array(z.string()).optional(),
  }),
});
