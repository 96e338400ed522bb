import { z } from 'zod';
import { type Activity, MAX_ACTIVITY_TEXT, MAX_INVITEES } from '../domain/activities';
import { ActivityKind } from '../domain/dutyScoring';
import { groupIdSchema, userIdSchema } from './schemas';

/**
 * Bodies of the activity routes (docs/API.md, "Activities"), and the schema that checks an
 * activity read back from storage.
 */

const activityKindSchema = z.enum(Object.values(ActivityKind) as [ActivityKind, ...ActivityKind[]]);
const textSchema = z.string().trim().min(1, 'must not be empty').max(MAX_ACTIVITY_TEXT);

export const activitySchema = z.object({
  id: z.string(),
  kind: activityKindSchema,
  title: z.string(),
  place: z.string(),
  startsAt: z.number(),
  endsAt: z.number(),
  groupId: groupIdSchema.nullable(),
  organizerId: userIdSchema,
  inviteeIds: z.array(userIdSchema),
  responses: z.array(
    z.object({
      userId: userIdSchema,
      answer: z.enum(['attend', 'leave']),
      reason: z.string().nullable(),
      at: z.number(),
      leave: z.enum(['pending', 'approved', 'refused']).nullable(),
    }),
  ),
  attendance: z.array(
    z.object({
      userId: userIdSchema,
      presence: z.enum(['attended', 'excused', 'absent']),
      via: z.enum(['list', 'code']),
      at: z.number(),
    }),
  ),
  createdAt: z.number(),
  version: z.number().int().positive(),
}) satisfies z.ZodType<Activity, unknown>;

export const activityListSchema = z.object({ activities: z.array(activitySchema) });

export const createActivityRequestSchema = z
  .object({
    kind: activityKindSchema,
    title: textSchema,
    place: textSchema,
    startsAt: z.number().int().positive(),
    endsAt: z.number().int().positive(),
    /** The organising group; its members are invited when `inviteeIds` is absent. */
    groupId: groupIdSchema.optional(),
    inviteeIds: z.array(userIdSchema).min(1).max(MAX_INVITEES).optional(),
  })
  .strict()
  .refine((body) => body.endsAt > body.startsAt, { message: 'must end after it starts', path: ['endsAt'] })
  .refine((body) => body.groupId !== undefined || body.inviteeIds !== undefined, {
    message: 'name the organising group or the invitees',
    path: ['inviteeIds'],
  });

export const activityResponseRequestSchema = z.discriminatedUnion('answer', [
  z.object({ answer: z.literal('attend') }).strict(),
  z.object({ answer: z.literal('leave'), reason: textSchema }).strict(),
]);

export const leaveDecisionRequestSchema = z.object({ userId: userIdSchema, approve: z.boolean() }).strict();

export const attendanceRequestSchema = z.object({ attendedIds: z.array(userIdSchema).max(MAX_INVITEES) }).strict();

export const checkInRequestSchema = z.object({ code: z.string().min(1).max(200) }).strict();

/** The key an organiser's phone signs the activity's check-in codes with (base64url). */
export const checkInKeySchema = z.object({ key: z.string() });
