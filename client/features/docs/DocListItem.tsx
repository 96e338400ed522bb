import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { UserId } from '../../../shared';
import type { DocRecord, Person } from '../../../shared/api/schemas';
import { DocStatusTag } from './DocStatusTag';
import { formatTime } from './formatTime';
import { nameOf } from './peopleNames';

export interface DocListItemProps {
  readonly doc: DocRecord;
  readonly people: ReadonlyMap<UserId, Person>;
  /** The group's name, when the list mixes groups. */
  readonly groupName?: string | null;
  /** Why the document is listed ("已退回，待修改"). */
  readonly reason?: string;
  /** A line under the meta: why it was returned, and by whom. */
  readonly detail?: string;
  readonly now: number;
}

/** One document in a compact list (home page): title, kind, status, group, last change and by whom. */
export function DocListItem({ doc, people, groupName, reason, detail, now }: DocListItemProps): ReactElement {
  const { t, i18n } = useTranslation();
  const time = formatTime(doc.updatedAt, now, i18n.language, t);
  return (
    <li className="doc-item" data-doc-id={doc.id}>
      <Link href={`/d/${doc.id}`} className="doc-item-link">
        <span className="doc-item-title">
          {doc.title === '' ? <span className="untitled">{t('common.untitled')}</span> : doc.title}
        </span>
        <span className="doc-item-meta">
          <span className="kind-tag">{t(`kind.${doc.kind}`)}</span>
          <DocStatusTag status={doc.status} isArchived={doc.isArchived} />
          {reason === undefined ? null : <span className="doc-item-reason">{reason}</span>}
          {groupName === undefined || groupName === null ? null : <span className="doc-item-group">{groupName}</span>}
          <span className="doc-item-time">
            {doc.updatedBy === null ? time : t('docs.updatedBy', { time, name: nameOf(doc.updatedBy, people, t) })}
          </span>
        </span>
        {detail === undefined ? null : <span className="doc-item-detail">{detail}</span>}
      </Link>
    </li>
  );
}
