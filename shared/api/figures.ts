import { z } from 'zod';
import type { Figures } from '../domain/figures';
import { groupIdSchema, sessionIdSchema, unitIdSchema } from './schemas';

/** `GET /api/figures` (docs/API.md, "Figures"): the annual report's figures, docs/RULES.md F1-F8. */

/** The query: one session's figures, or every session's when absent. */
export const figuresQuerySchema = z.object({ sessionId: sessionIdSchema.optional() }).strict();

const count = z.number().int().nonnegative();
const ratio = z.number().min(0).max(1).nullable();

const breakdownSchema = z.object({
  id: z.string().nullable(),
  name: z.string().nullable(),
  received: count,
  filed: count,
  notFiled: count,
  merged: count,
  pending: count,
});

export const figuresSchema = z.object({
  sessionId: sessionIdSchema.nullable(),
  computedAt: z.number(),
  received: count,
  pending: count,
  filed: count,
  notFiled: count,
  merged: count,
  key: count,
  byCategory: z.array(breakdownSchema),
  byGroup: z.array(breakdownSchema.extend({ id: groupIdSchema.nullable() })),
  handedOver: count,
  unitsPerCase: z.array(z.object({ units: count, cases: count })),
  answered: count,
  answeredOnTime: count,
  answerRate: ratio,
  onTimeRate: ratio,
  answerClasses: z.object({ A: count, B: count, C: count }),
  ratings: z.object({ satisfied: count, basically_satisfied: count, unsatisfied: count }),
  rated: count,
  satisfactionRate: ratio,
  overdue: count,
  byUnit: z.array(z.object({ unitId: unitIdSchema, name: z.string(), handed: count, answered: count, overdue: count })),
}) satisfies z.ZodType<Figures, unknown>;
