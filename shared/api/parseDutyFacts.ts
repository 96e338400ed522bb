import { z } from 'zod';
import { ADOPTION_LEVELS } from '../domain/adoptions';
import { ActivityKind, type DutyFact } from '../domain/dutyScoring';
import { dutyFactSchema } from './duty';

/**
 * A duty fact with the fields of its kind checked: `dutyFactSchema` keeps them loose so that an
 * older client reads a newer server's facts; what prints them (the 登记表) needs each one whole.
 */
const base = dutyFactSchema.pick({ id: true, userId: true, at: true, source: true }).shape;
const presence = z.enum(['attended', 'excused', 'absent']);
const outcome = z.enum(['filed', 'not_filed', 'merged', 'pending']);
const count = z.number().int().min(0);

const dutyFactDetailSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('attendance'),
    activityKind: z.enum(Object.values(ActivityKind)),
    presence,
  }),
  z.object({
    ...base,
    kind: z.literal('proposal'),
    role: z.enum(['first', 'cosigner']),
    outcome,
    isKey: z.boolean(),
    isExcellent: z.boolean(),
    answerClass: z.enum(['A', 'B', 'C']).nullable(),
  }),
  z.object({ ...base, kind: z.literal('social_info'), adoptedLevel: z.enum(ADOPTION_LEVELS).nullable() }),
  z.object({ ...base, kind: z.literal('research_report') }),
  z.object({ ...base, kind: z.literal('instruction') }),
  z.object({ ...base, kind: z.literal('text_share'), chars: count, total: count }),
  z.object({ ...base, kind: z.literal('comments'), count }),
  z.object({ ...base, kind: z.literal('reviews'), count }),
  z.object({ ...base, kind: z.literal('external'), points: z.number(), note: z.string() }),
]);

/** The facts of a member's year, each checked against its kind; throws naming the first that is not whole. */
export function parseDutyFacts(facts: readonly z.infer<typeof dutyFactSchema>[]): DutyFact[] {
  return facts.map((fact) => {
    const parsed = dutyFactDetailSchema.safeParse(fact);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `Cannot read duty fact ${fact.id} (${fact.kind}): ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
    return parsed.data;
  });
}
