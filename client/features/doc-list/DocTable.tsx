import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatTime } from './formatTime';
import type { ListedDoc } from './mergeDocLists';

export interface DocTableProps {
  readonly docs: readonly ListedDoc[];
  readonly query: string;
  readonly isEmpty: boolean;
  readonly onRename: (doc: ListedDoc) => void;
}

/** The document list: a table on wide screens, one card per row on a phone (see app.css). */
export function DocTable({ docs, query, isEmpty, onRename }: DocTableProps): ReactElement {
  const { t, i18n } = useTranslation();
  if (isEmpty) {
    return <p className="empty-state">{t('list.empty')}</p>;
  }
  if (docs.length === 0) {
    return <p className="empty-state">{t('list.noMatch', { query: query.trim() })}</p>;
  }
  const now = Date.now();
  const whereLabel = { device: t('list.whereDevice'), server: t('list.whereServer'), both: t('list.whereBoth') };
  return (
    <table className="doc-table">
      <thead>
        <tr>
          <th scope="col">{t('list.colTitle')}</th>
          <th scope="col">{t('list.colKind')}</th>
          <th scope="col">{t('list.colUpdated')}</th>
          <th scope="col">{t('list.colWhere')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('list.colActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {docs.map((doc) => (
          <tr key={doc.id} data-doc-id={doc.id}>
            <td className="cell-title">
              <Link href={`/d/${doc.id}`} className="doc-link">
                {doc.title === '' ? <span className="untitled">{t('list.untitled')}</span> : doc.title}
              </Link>
            </td>
            <td className="cell-kind">
              <span className="kind-tag">{t(`kind.${doc.kind ?? 'unknown'}`)}</span>
            </td>
            <td className="cell-time">{formatTime(doc.updatedAt, now, i18n.language, t)}</td>
            <td className={`cell-where is-${doc.where}`}>{whereLabel[doc.where]}</td>
            <td className="cell-actions">
              <button type="button" className="button is-small is-quiet" onClick={() => onRename(doc)}>
                {t('list.rename')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
