import { z } from 'zod';

/**
 * `GET /api/units` (承办单位), which the units work adds on its own branch: `{ units: [{ id, name,
 * isActive }] }`. Only what the suggested-units picker reads; replace with that branch's shared
 * schema when it is merged.
 */
export const unitListSchema = z.object({
  units: z.array(z.object({ id: z.string(), name: z.string(), isActive: z.boolean() })),
});
export type Unit = z.infer<typeof unitListSchema>['units'][number];
