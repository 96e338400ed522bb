import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Action, can, documentTarget, type UserId } from '../../../shared';
import type { DocRecord, Me, Person } from '../../../shared/api/schemas';
import type { Category } from '../../../shared/domain/categories';
import { DataTableHead } from '../../ui/DataTableHead';
import { DocStatusTag } from '../docs/DocStatusTag';
import { formatTime } from '../docs/formatTime';
import { nameOf, namesOf } from '../docs/peopleNames';
import { CategoryTag } from '../fields/CategoryTag';

export interface GroupDocTableProps {
  readonly me: Me;
  readonly docs: readonly DocRecord[];
  readonly people: ReadonlyMap<UserId, Person>;
  /** The committee's categories, for each document's 类别 tag. */
  readonly categories: readonly Category[];
  readonly onRename: (doc: DocRecord) => void;
  readonly onArchive: (doc: DocRecord, isArchived: boolean) => void;
}

function DocActions({
  me,
  doc,
  onRename,
  onArchive,
}: Omit<GroupDocTableProps, 'docs' | 'people' | 'categories'> & { doc: DocRecord }) {
  const { t } = useTranslation();
  const target = documentTarget(doc);
  const canRename = can(me, Action.editContent, target);
  const canArchive = can(me, Action.archiveDocument, target);
  return (
    <>
      {canRename ? (
        <button type="button" className="button is-small is-quiet" onClick={() => onRename(doc)}>
          {t('docs.rename')}
        </button>
      ) : null}
      {canArchive ? (
        <button type="button" className="button is-small is-quiet" onClick={() => onArchive(doc, !doc.isArchived)}>
          {doc.isArchived ? t('docs.restore') : t('docs.archive')}
        </button>
      ) : null}
    </>
  );
}

/** The group's documents: a table on wide screens, one card per document on a phone (see app.css). */
export function GroupDocTable({ me, docs, people, categories, onRename, onArchive }: GroupDocTableProps): ReactElement {
  const { t, i18n } = useTranslation();
  const now = Date.now();
  return (
    <table className="doc-table">
      <DataTableHead
        columns={[
          t('docs.colTitle'),
          t('docs.colKind'),
          t('docs.colStatus'),
          t('docs.colAuthors'),
          t('docs.colUpdated'),
        ]}
        hasActions
      />
      <tbody>
        {docs.map((doc) => {
          const time = formatTime(doc.updatedAt, now, i18n.language, t);
          return (
            <tr key={doc.id} data-doc-id={doc.id} className={doc.isArchived ? 'is-archived' : undefined}>
              <td className="cell-title">
                <Link href={`/d/${doc.id}`} className="doc-link">
                  {doc.title === '' ? <span className="untitled">{t('common.untitled')}</span> : doc.title}
                </Link>
              </td>
              <td className="cell-kind">
                <span className="kind-tag">{t(`kind.${doc.kind}`)}</span>
                <CategoryTag categoryId={doc.fields.category} categories={categories} />
              </td>
              <td className="cell-status">
                <DocStatusTag status={doc.status} isArchived={doc.isArchived} />
              </td>
              <td className="cell-authors">
                {doc.authorIds.length === 0 ? null : (
                  <>
                    <span className="only-narrow">{t('docs.authorsLabel')}</span>
                    {namesOf(doc.authorIds, people, t)}
                  </>
                )}
              </td>
              <td className="cell-time">
                {doc.updatedBy === null ? time : t('docs.updatedBy', { time, name: nameOf(doc.updatedBy, people, t) })}
              </td>
              <td className="cell-actions">
                <DocActions me={me} doc={doc} onRename={onRename} onArchive={onArchive} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
