import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { DocRecord, Workspace } from '../../../shared/api/schemas';
import { DocStatusTag } from '../docs/DocStatusTag';
import { namesOf, peopleById } from '../docs/peopleNames';

/** Under the header: the document's group, kind, status and authors, from the workspace's record. */
export function DocMetaBar({
  doc,
  workspace,
}: {
  readonly doc: DocRecord;
  readonly workspace: Workspace;
}): ReactElement {
  const { t } = useTranslation();
  const people = useMemo(() => peopleById(workspace.people), [workspace.people]);
  const group = doc.groupId === null ? undefined : workspace.groups.find((each) => each.id === doc.groupId);
  return (
    <div className="doc-meta">
      {group === undefined ? null : (
        <Link href={`/g/${group.id}`} className="doc-meta-group">
          {group.name}
        </Link>
      )}
      <DocStatusTag status={doc.status} isArchived={doc.isArchived} />
      {doc.authorIds.length === 0 ? null : (
        <span className="doc-meta-authors">{t('doc.authors', { names: namesOf(doc.authorIds, people, t) })}</span>
      )}
    </div>
  );
}
