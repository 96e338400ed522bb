import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { type Category, categoryName } from '../../../shared/domain/categories';

/** A document's category (类别) as a small tag; nothing when it has none. */
export function CategoryTag({
  categoryId,
  categories,
}: {
  readonly categoryId: unknown;
  readonly categories: readonly Category[];
}): ReactElement | null {
  const { t } = useTranslation();
  if (typeof categoryId !== 'string' || categoryId === '') {
    return null;
  }
  const name = categoryName(categories, categoryId);
  return (
    <span className={name === null ? 'category-tag is-deleted' : 'category-tag'} data-category={categoryId}>
      {name ?? t('fields.deletedCategory')}
    </span>
  );
}
