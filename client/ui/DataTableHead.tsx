import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export interface DataTableHeadProps {
  readonly columns: readonly string[];
  /** Adds a last column, named only for screen readers, for each row's buttons. */
  readonly hasActions?: boolean;
}

/** A table's header row: one column heading per label. */
export function DataTableHead({ columns, hasActions = false }: DataTableHeadProps): ReactElement {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {columns.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
        {hasActions ? (
          <th scope="col">
            <span className="visually-hidden">{t('docs.colActions')}</span>
          </th>
        ) : null}
      </tr>
    </thead>
  );
}
