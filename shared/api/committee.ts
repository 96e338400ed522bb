import { z } from 'zod';
import { MAX_CATEGORIES, MAX_CATEGORY_NAME_LENGTH } from '../domain/categories';
import { CATEGORY_ID_PATTERN } from '../domain/documentFields';
import { userIdSchema } from './schemas';

/** One category of the committee's list. */
export const categorySchema = z.object({
  id: z.string().regex(CATEGORY_ID_PATTERN, 'a category id is lowercase letters, digits, - and _ (at most 40)'),
  name: z
    .string()
    .trim()
    .min(1, 'a category needs a name')
    .max(MAX_CATEGORY_NAME_LENGTH, `a category name has at most ${MAX_CATEGORY_NAME_LENGTH} characters`),
});

/** `PUT /api/committee/categories`: the whole list, in the order shown; ids and names each once. */
export const categoryListRequestSchema = z.object({
  categories: z
    .array(categorySchema)
    .min(1, 'keep at least one category')
    .max(MAX_CATEGORIES, `at most ${MAX_CATEGORIES} categories`)
    .superRefine((list, ctx) => {
      const ids = new Set<string>();
      const names = new Set<string>();
      list.forEach((category, index) => {
        if (ids.has(category.id)) {
          ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `the id ${category.id} is listed twice` });
        }
        if (names.has(category.name)) {
          ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `the name ${category.name} is listed twice` });
        }
        ids.add(category.id);
        names.add(category.name);
      });
    }),
});

export type CategoryListRequest = z.input<typeof categoryListRequestSchema>;

/** `GET` and `PUT /api/committee/categories`: the list, and who last changed it (null: the defaults). */
export const categoryListSchema = categoryListRequestSchema.extend({
  updatedAt: z.number().nullable(),
  updatedBy: userIdSchema.nullable(),
});
export type CategoryList = z.infer<typeof categoryListSchema>;
