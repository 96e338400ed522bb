import { z } from 'zod';
import { MAX_DUTY_NOTE, MAX_EXTERNAL_POINTS, MAX_SUMMARY_LENGTH } from '../domain/dutyBook';
import { RULE_KEYS } from '../domain/dutyScoring';
import { DUTY_PRESETS } from '../domain/dutyYear';
import { groupIdSchema, userIdSchema } from './schemas';

/**
 * Bodies of the duty record's routes (docs/API.md, "Duty record"): a member's year, the book
 * people write beside it, the committee's overview and the office's rules per year.
 */

const levelSchema = z.enum(['excellent', 'competent', 'basic', 'unqualified']);
const gapSchema = z.enum(['plenary', 'submissions', 'field_activities']);
const yearSchema = z.number().int().min(2000, 'must be a year').max(2100, 'must be a year');
const noteSchema = z.string().trim().min(1, 'must not be empty').max(MAX_DUTY_NOTE);
const signedSchema = z.object({ by: userIdSchema, at: z.number() });

export const FACT_KINDS = [
  'attendance',
  'proposal',
  'social_info',
  'research_report',
  'instruction',
  'text_share',
  'comments',
  'reviews',
  'external',
] as const;

export const dutyFactSchema = z.looseObject({
  id: z.string(),
  userId: userIdSchema,
  at: z.number(),
  kind: z.enum(FACT_KINDS),
  source: z.object({ type: z.enum(['activity', 'document', 'manual']), id: z.string() }),
});

export const dutyScoreSchema = z.object({
  lines: z.array(
    z.object({ key: z.enum(RULE_KEYS), factIds: z.array(z.string()), raw: z.number(), points: z.number() }),
  ),
  participation: z.number(),
  results: z.number(),
  total: z.number(),
  level: levelSchema,
  missing: z.array(gapSchema),
});

const ruleItemSchema = z.object({ points: z.number().min(-100).max(100), cap: z.number().min(0).max(200).nullable() });

export const scoringRulesSchema = z
  .object({
    items: z.object(
      Object.fromEntries(RULE_KEYS.map((key) => [key, ruleItemSchema])) as {
        [K in (typeof RULE_KEYS)[number]]: typeof ruleItemSchema;
      },
    ),
    participationCap: z.number().min(0).max(200),
    resultsCap: z.number().min(0).max(200),
    levels: z.object({ excellent: z.number().min(0), competent: z.number().min(0), basic: z.number().min(0) }),
    minimum: z.object({
      plenary: z.boolean(),
      submissions: z.number().int().min(0).max(20),
      fieldActivities: z.number().int().min(0).max(20),
    }),
  })
  .refine((rules) => rules.levels.excellent >= rules.levels.competent && rules.levels.competent >= rules.levels.basic, {
    message: 'the levels must not rise from 优秀 down to 基本称职',
    path: ['levels'],
  });

export const dutyBookSchema = z.object({
  userId: userIdSchema,
  year: z.number().int(),
  summary: z.string(),
  state: z.enum(['draft', 'submitted', 'convener_confirmed', 'confirmed']),
  submittedAt: z.number().nullable(),
  convenerConfirmation: signedSchema.nullable(),
  officeConfirmation: signedSchema.nullable(),
  returnNote: z.string().nullable(),
  externalFacts: z.array(
    z.object({
      id: z.string(),
      at: z.number(),
      points: z.number(),
      note: z.string(),
      evidence: z.string(),
      recordedBy: userIdSchema,
      recordedAt: z.number(),
    }),
  ),
  corrections: z.array(
    z.object({
      id: z.string(),
      factId: z.string().nullable(),
      message: z.string(),
      recorderId: userIdSchema.nullable(),
      askedAt: z.number(),
      answer: z.object({ accepted: z.boolean(), text: z.string(), by: userIdSchema, at: z.number() }).nullable(),
    }),
  ),
  talks: z.array(
    z.object({ id: z.string(), at: z.number(), note: z.string(), by: userIdSchema, recordedAt: z.number() }),
  ),
  reminders: z.array(z.object({ by: userIdSchema, at: z.number(), note: z.string() })),
  version: z.number().int().min(0),
});

export const closedResultSchema = z.object({
  userId: userIdSchema,
  participation: z.number(),
  results: z.number(),
  total: z.number(),
  level: levelSchema,
  missing: z.array(gapSchema),
});

/** `GET /api/me/duty` and `GET /api/duty/members/:userId`: one member's year. */
export const memberYearSchema = z.object({
  year: z.number().int(),
  member: z.object({ id: userIdSchema, name: z.string(), groupNames: z.array(z.string()) }),
  /** The member's facts of the year, oldest first. */
  facts: z.array(dutyFactSchema),
  /** The title of each fact's source (an activity's, a document's, the note of an external fact), by source id. */
  titles: z.record(z.string(), z.string()),
  /** Scored under the year's rules now. */
  score: dutyScoreSchema,
  rules: scoringRulesSchema,
  /** The result kept when the year was closed; null while it is open. */
  closedResult: closedResultSchema.nullable(),
  book: dutyBookSchema,
  /** What the caller may do with this year (the server checks each again). */
  may: z.object({
    write: z.boolean(),
    confirmAsConvener: z.boolean(),
    confirmAsOffice: z.boolean(),
    recordFacts: z.boolean(),
    talk: z.boolean(),
  }),
});
export type MemberYearAnswer = z.infer<typeof memberYearSchema>;

export const summaryRequestSchema = z
  .object({
    year: yearSchema,
    summary: z.string().max(MAX_SUMMARY_LENGTH, `must be at most ${MAX_SUMMARY_LENGTH} characters`),
  })
  .strict();
export const yearRequestSchema = z.object({ year: yearSchema }).strict();
export const confirmRequestSchema = z.object({ year: yearSchema, as: z.enum(['convener', 'office']) }).strict();
export const returnRequestSchema = z.object({ year: yearSchema, note: noteSchema }).strict();
export const externalFactRequestSchema = z
  .object({
    year: yearSchema,
    at: z.number().int().positive(),
    points: z.number().min(-MAX_EXTERNAL_POINTS).max(MAX_EXTERNAL_POINTS),
    note: noteSchema,
    evidence: noteSchema,
  })
  .strict();
export const correctionRequestSchema = z
  .object({ year: yearSchema, factId: z.string().min(1).max(200).nullable(), message: noteSchema })
  .strict();
export const correctionAnswerRequestSchema = z
  .object({ year: yearSchema, accepted: z.boolean(), text: noteSchema })
  .strict();
export const talkRequestSchema = z
  .object({ year: yearSchema, at: z.number().int().positive(), note: noteSchema })
  .strict();
export const reminderRequestSchema = z.object({ year: yearSchema, note: noteSchema }).strict();

/** `GET /api/duty/corrections`: the requests the caller is to answer. */
export const correctionInboxSchema = z.object({
  corrections: z.array(
    z.object({
      userId: userIdSchema,
      name: z.string(),
      year: z.number().int(),
      request: dutyBookSchema.shape.corrections.element,
      factTitle: z.string().nullable(),
    }),
  ),
});

/** `unqualified_again`: 不称职 this year and in the last closed one: the committee talks to them, not the convener. */
export const FLAGS = ['below_minimum', 'inactive', 'unqualified', 'unqualified_again'] as const;
export type DutyFlag = (typeof FLAGS)[number];

/** `GET /api/duty/committee`: the members the caller may see, scored, flagged, and the year's figures. */
export const committeeDutySchema = z.object({
  year: z.number().int(),
  /** 1-4 for a quarter's view (一季一填报): only the facts of that quarter count. */
  quarter: z.number().int().min(1).max(4).nullable(),
  closed: z.boolean(),
  inactiveDays: z.number().int(),
  rows: z.array(
    z.object({
      userId: userIdSchema,
      name: z.string(),
      groupIds: z.array(groupIdSchema),
      participation: z.number(),
      results: z.number(),
      total: z.number(),
      level: levelSchema,
      missing: z.array(gapSchema),
      lastFactAt: z.number().nullable(),
      flags: z.array(z.enum(FLAGS)),
      state: dutyBookSchema.shape.state,
      talks: z.number().int(),
      reminders: z.number().int(),
      counts: z.object({
        attended: z.number().int(),
        excused: z.number().int(),
        absent: z.number().int(),
        proposals: z.number().int(),
        filed: z.number().int(),
        reports: z.number().int(),
      }),
    }),
  ),
  /** Months 1-12 of the year (or the quarter's three). */
  byMonth: z.array(z.object({ month: z.number().int(), attended: z.number().int(), submissions: z.number().int() })),
  byGroup: z.array(
    z.object({
      groupId: groupIdSchema,
      name: z.string(),
      members: z.number().int(),
      averageTotal: z.number(),
      proposals: z.number().int(),
      filed: z.number().int(),
      belowMinimum: z.number().int(),
    }),
  ),
});
export type CommitteeDutyAnswer = z.infer<typeof committeeDutySchema>;

/** `GET /api/duty/years/:year`: the office's settings of a year. */
export const dutyYearSchema = z.object({
  year: z.number().int(),
  rules: scoringRulesSchema,
  basis: z.enum([...DUTY_PRESETS, 'custom']),
  inactiveDays: z.number().int(),
  closedAt: z.number().nullable(),
  version: z.number().int().min(0),
});

/** `PUT /api/duty/years/:year`: a preset or a whole table, and the version it was read at. */
export const dutyYearRequestSchema = z
  .object({
    preset: z.enum(DUTY_PRESETS).optional(),
    rules: scoringRulesSchema.optional(),
    inactiveDays: z.number().int().min(7).max(366).optional(),
    version: z.number().int().min(0),
  })
  .strict()
  .refine((body) => body.preset === undefined || body.rules === undefined, {
    message: 'give a preset or the rules, not both',
    path: ['rules'],
  });
