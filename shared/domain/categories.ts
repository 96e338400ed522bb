/**
 * The categories (类别) of proposals and social-conditions information: a list the secretariat
 * edits (`PUT /api/committee/categories`). A document names its category by id (documentFields.ts,
 * D7), so renaming a category renames it everywhere, and a document whose id is no longer listed
 * still shows that it had one.
 */
export interface Category {
  readonly id: string;
  readonly name: string;
}

/** The list until the secretariat edits it. */
export const DEFAULT_CATEGORIES: readonly Category[] = [
  { id: 'economy', name: '经济建设' },
  { id: 'politics', name: '政治建设' },
  { id: 'culture', name: '文化建设' },
  { id: 'society', name: '社会建设' },
  { id: 'ecology', name: '生态文明建设' },
  { id: 'other', name: '其他' },
];

/** The most categories a list holds, and the longest name. */
export const MAX_CATEGORIES = 50;
export const MAX_CATEGORY_NAME_LENGTH = 20;

/** The name of a category id in `list`; null when the list has no such id (deleted, or never listed). */
export function categoryName(list: readonly Category[], id: string): string | null {
  return list.find((category) => category.id === id)?.name ?? null;
}
