import { z } from 'zod';
import {
  ANSWER_CLASSES,
  CaseOutcome,
  CaseStage,
  CONVERSIONS,
  HANDOVER_MODES,
  type HandlingCase,
  MAX_HANDLING_TEXT,
  MAX_MESSAGE_TEXT,
  MAX_UNITS_PER_HANDOVER,
  SATISFACTIONS,
} from '../domain/handling';
import { type DocumentTarget, documentTarget } from '../domain/permissions';
import { type DocRecord, docIdSchema, sessionIdSchema, unitIdSchema, userIdSchema } from './schemas';

export { sessionIdSchema, unitIdSchema };

/**
 * Request and answer bodies of the handling routes (docs/API.md, "After 立案"): units, sessions,
 * the office's desk, the units' answers and the proposers' ratings. The case schema also checks
 * a case read back from storage.
 */

export const MAX_UNIT_NAME_LENGTH = 60;
export const MAX_SESSION_NAME_LENGTH = 40;

export const unitSchema = z.object({
  id: unitIdSchema,
  name: z.string(),
  isActive: z.boolean(),
  createdAt: z.number(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitListSchema = z.object({ units: z.array(unitSchema) });

const unitNameSchema = z.string().trim().min(1, 'must not be empty').max(MAX_UNIT_NAME_LENGTH);
export const createUnitRequestSchema = z.object({ name: unitNameSchema }).strict();
export const updateUnitRequestSchema = z
  .object({ name: unitNameSchema.optional(), isActive: z.boolean().optional() })
  .strict()
  .refine((change) => change.name !== undefined || change.isActive !== undefined, 'must change name or isActive');

export const committeeSessionSchema = z.object({
  id: sessionIdSchema,
  name: z.string(),
  /** The call for proposals closes then (ms); null: no deadline set. */
  callDeadline: z.number().nullable(),
  /** New proposals are filed in the current session. */
  isCurrent: z.boolean(),
  createdAt: z.number(),
});
export type CommitteeSession = z.infer<typeof committeeSessionSchema>;
export const sessionListSchema = z.object({ sessions: z.array(committeeSessionSchema) });

const sessionNameSchema = z.string().trim().min(1, 'must not be empty').max(MAX_SESSION_NAME_LENGTH);
export const createSessionRequestSchema = z
  .object({
    name: sessionNameSchema,
    callDeadline: z.number().int().positive().nullable().optional(),
    isCurrent: z.boolean().optional(),
  })
  .strict();
export const updateSessionRequestSchema = z
  .object({
    name: sessionNameSchema.optional(),
    callDeadline: z.number().int().positive().nullable().optional(),
    isCurrent: z.literal(true).optional(),
  })
  .strict();

const textSchema = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const replySchema = z.object({ text: z.string(), at: z.number(), by: userIdSchema, round: z.number().int() });

export const handlingCaseSchema = z.object({
  docId: docIdSchema,
  sessionId: sessionIdSchema,
  outcome: z.enum([CaseOutcome.filed, CaseOutcome.notFiled, CaseOutcome.merged]),
  number: z.number().int().nullable(),
  isKey: z.boolean(),
  decidedBy: userIdSchema,
  decidedAt: z.number(),
  reason: z.string().nullable(),
  conversion: z.enum(CONVERSIONS).nullable(),
  mergedInto: docIdSchema.nullable(),
  mergedDocIds: z.array(docIdSchema),
  mode: z.enum(HANDOVER_MODES).nullable(),
  deadline: z.number().nullable(),
  round: z.number().int().positive(),
  assignments: z.array(
    z.object({
      id: z.string(),
      unitId: unitIdSchema,
      part: z.enum(['lead', 'co', 'separate']),
      state: z.enum(['pending', 'accepted', 'declined']),
      assignedAt: z.number(),
      declineReason: z.string().nullable(),
      respondedAt: z.number().nullable(),
      opinions: z.array(replySchema),
      answers: z.array(
        replySchema.extend({ answerClass: z.enum(ANSWER_CLASSES), attachmentId: z.string().nullable().optional() }),
      ),
    }),
  ),
  ratings: z.array(
    z.object({
      userId: userIdSchema,
      round: z.number().int(),
      handling: z.enum(SATISFACTIONS),
      result: z.enum(SATISFACTIONS),
      comment: z.string(),
      at: z.number(),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      authorId: userIdSchema,
      unitId: unitIdSchema.nullable(),
      text: z.string(),
      at: z.number(),
    }),
  ),
  log: z.array(
    z.object({
      type: z.enum([
        'handed_over',
        'accepted',
        'declined',
        'reassigned',
        'opinion',
        'answered',
        'rated',
        'rehandling',
        'marked_key',
        'unmarked_key',
        'merged_in',
        'reminded',
      ]),
      at: z.number(),
      actorId: userIdSchema,
      unitId: unitIdSchema.nullable(),
      note: z.string().nullable(),
    }),
  ),
  version: z.number().int().positive(),
}) satisfies z.ZodType<HandlingCase, unknown>;

/** A case as the API answers it: with its stage and whether it is late, for the lists. */
export const caseAnswerSchema = z.object({
  case: handlingCaseSchema,
  stage: z.enum(Object.values(CaseStage) as [CaseStage, ...CaseStage[]]),
  isOverdue: z.boolean(),
});
export interface CaseAnswer {
  readonly case: HandlingCase;
  readonly stage: CaseStage;
  readonly isOverdue: boolean;
}
export const caseListSchema = z.object({ cases: z.array(caseAnswerSchema) });

/** What the office decides on an approved proposal (the transition's extra part). */
export const filingRequestSchema = z
  .object({
    /** The session to file in; the current one when absent. */
    sessionId: sessionIdSchema.optional(),
    isKey: z.boolean().optional(),
    conversion: z.enum(CONVERSIONS).optional(),
    /** 并案: the filed proposal it joins. */
    into: docIdSchema.optional(),
  })
  .strict();
export type FilingRequest = z.infer<typeof filingRequestSchema>;

export const handoverRequestSchema = z
  .object({
    mode: z.enum(HANDOVER_MODES),
    unitIds: z.array(unitIdSchema).min(1, 'must name at least one unit').max(MAX_UNITS_PER_HANDOVER),
    /** When the answers are due (ms); three months from now when absent. */
    deadline: z.number().int().positive().optional(),
  })
  .strict();

export const respondRequestSchema = z.discriminatedUnion('accept', [
  z.object({ accept: z.literal(true) }).strict(),
  z.object({ accept: z.literal(false), reason: textSchema(MAX_MESSAGE_TEXT) }).strict(),
]);

export const reassignRequestSchema = z
  .object({ assignmentId: z.string().min(1).max(100), unitId: unitIdSchema })
  .strict();

export const opinionRequestSchema = z.object({ text: textSchema(MAX_HANDLING_TEXT) }).strict();

/** An answer: its text, or an uploaded reply letter (a `reply_letter` attachment of the unit), or both (H5). */
export const answerRequestSchema = z
  .object({
    answerClass: z.enum(ANSWER_CLASSES),
    text: z.string().trim().max(MAX_HANDLING_TEXT).default(''),
    attachmentId: z.string().uuid().optional(),
  })
  .strict()
  .refine((body) => body.text !== '' || body.attachmentId !== undefined, {
    message: 'give the text of the answer, or upload a reply letter',
    path: ['text'],
  });

export const rateRequestSchema = z
  .object({
    handling: z.enum(SATISFACTIONS),
    result: z.enum(SATISFACTIONS),
    comment: z.string().trim().max(MAX_MESSAGE_TEXT).optional(),
  })
  .strict();

export const messageRequestSchema = z.object({ text: textSchema(MAX_MESSAGE_TEXT) }).strict();

export const keyRequestSchema = z.object({ isKey: z.boolean() }).strict();

/**
 * The target the handling rules decide on (P16-P18): the record with the co-signers who signed,
 * who rate and write in the thread, and the units it is handed to. Both sides ask it.
 */
export function handlingTarget(record: DocRecord): DocumentTarget {
  const signedCosignerIds = record.cosigners.filter((c) => c.state === 'signed').map((c) => c.userId);
  return documentTarget({ ...record, signedCosignerIds });
}
