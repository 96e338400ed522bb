import { z } from 'zod';
import { RULE_KEYS } from '../domain/dutyScoring';
import { userIdSchema } from './schemas';

/** `GET /api/me/duty` (docs/API.md, "Duty record"): the caller's facts of a year and their score. */
export const memberYearSchema = z.object({
  year: z.number().int(),
  facts: z.array(
    z.looseObject({
      id: z.string(),
      userId: userIdSchema,
      at: z.number(),
      kind: z.enum(['attendance', 'proposal', 'social_info', 'research_report', 'instruction', 'external']),
      source: z.object({ type: z.enum(['activity', 'document', 'manual']), id: z.string() }),
    }),
  ),
  score: z.object({
    lines: z.array(
      z.object({ key: z.enum(RULE_KEYS), factIds: z.array(z.string()), raw: z.number(), points: z.number() }),
    ),
    participation: z.number(),
    results: z.number(),
    total: z.number(),
    level: z.enum(['excellent', 'competent', 'basic', 'unqualified']),
    missing: z.array(z.enum(['plenary', 'submissions', 'field_activities'])),
  }),
});
export type MemberYearAnswer = z.infer<typeof memberYearSchema>;
