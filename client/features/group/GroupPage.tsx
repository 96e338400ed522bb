import { type ReactElement, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Action, can, DOC_KINDS, type DocKind, type GroupId, parseDocKind, parseGroupId } from '../../../shared';
import {
  type DocRecord,
  type Group,
  MAX_GROUP_NAME_LENGTH,
  type Me,
  type Workspace,
} from '../../../shared/api/schemas';
import type { Category } from '../../../shared/domain/categories';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useWorkspace } from '../../ui/hooks/useWorkspace';
import { NameDialog } from '../../ui/NameDialog';
import { useAccount, useApp } from '../../ui/services/useServices';
import { peopleById } from '../docs/peopleNames';
import { RenameDialog } from '../docs/RenameDialog';
import { useCategories } from '../fields/useFields';
import { ImportDocDialog } from '../import/ImportDocDialog';
import { Page } from '../shell/Page';
import { useRefreshOnOpen } from '../shell/useRefreshOnOpen';
import { CreateDocDialog } from './CreateDocDialog';
import { filterDocs } from './filterDocs';
import { GroupDocTable } from './GroupDocTable';
import { MembersPanel } from './MembersPanel';

function DocFilters(props: {
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly kind: DocKind | null;
  readonly onKind: (kind: DocKind | null) => void;
  readonly showArchived: boolean;
  readonly onShowArchived: (show: boolean) => void;
  readonly category: string | null;
  readonly onCategory: (category: string | null) => void;
  readonly categories: readonly Category[];
}): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="filters">
      <input
        className="search"
        type="search"
        placeholder={t('group.search')}
        aria-label={t('group.searchLabel')}
        value={props.query}
        onChange={(e) => props.onQuery(e.target.value)}
      />
      <select
        className="select"
        aria-label={t('group.kindFilter')}
        value={props.kind ?? ''}
        onChange={(e) => props.onKind(parseDocKind(e.target.value))}
      >
        <option value="">{t('group.allKinds')}</option>
        {DOC_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kind.${kind}`)}
          </option>
        ))}
      </select>
      <select
        className="select"
        aria-label={t('group.categoryFilter')}
        value={props.category ?? ''}
        onChange={(e) => props.onCategory(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('group.allCategories')}</option>
        {props.categories.map((category) => (
          <option key={category.id} value={category.id}>
            {category.name}
          </option>
        ))}
      </select>
      <label className="check">
        <input type="checkbox" checked={props.showArchived} onChange={(e) => props.onShowArchived(e.target.checked)} />
        {t('group.showArchived')}
      </label>
    </div>
  );
}

function GroupDocuments({ me, group, workspace }: { me: Me; group: Group; workspace: Workspace }): ReactElement {
  const { t } = useTranslation();
  const actions = useAccount().workspace;
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<DocKind | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [category, setCategory] = useState<string | null>(null);
  const categories = useCategories();
  const [isCreating, setCreating] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const [renaming, setRenaming] = useState<DocRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const people = useMemo(() => peopleById(workspace.people), [workspace.people]);
  const inGroup = workspace.docs.filter((doc) => doc.groupId === group.id);
  const shown = filterDocs(workspace.docs, { groupId: group.id, kind, query, showArchived, category });
  const canCreate = can(me, Action.createDocument, { type: 'group', groupId: group.id });
  const onArchive = (doc: DocRecord, isArchived: boolean): void => {
    setError(null);
    actions.setArchived(doc.id, isArchived).catch((err: unknown) => setError(errorText(err, t)));
  };
  return (
    <section className="group-docs" aria-labelledby="group-documents">
      <div className="section-head">
        <h2 id="group-documents">{t('group.documents')}</h2>
        {canCreate ? (
          <button type="button" className="button is-primary" onClick={() => setCreating(true)}>
            <span aria-hidden="true">＋</span> {t('group.newDoc')}
          </button>
        ) : null}
        {canCreate ? (
          <button
            type="button"
            className="button"
            aria-label={t('import.openLabel')}
            title={t('import.openLabel')}
            onClick={() => setImporting(true)}
          >
            {t('import.open')}
          </button>
        ) : null}
      </div>
      <DocFilters
        query={query}
        onQuery={setQuery}
        kind={kind}
        onKind={setKind}
        showArchived={showArchived}
        onShowArchived={setShowArchived}
        category={category}
        onCategory={setCategory}
        categories={categories}
      />
      <FormError message={error} />
      {shown.length === 0 ? (
        <p className="empty-state">{inGroup.length === 0 ? t('group.empty') : t('group.emptyFiltered')}</p>
      ) : (
        <GroupDocTable
          me={me}
          docs={shown}
          people={people}
          categories={categories}
          onRename={setRenaming}
          onArchive={onArchive}
        />
      )}
      <CreateDocDialog groupId={group.id} isOpen={isCreating} onClose={() => setCreating(false)} />
      <ImportDocDialog groupId={group.id} isOpen={isImporting} onClose={() => setImporting(false)} />
      <RenameDialog doc={renaming} onClose={() => setRenaming(null)} />
    </section>
  );
}

function GroupView({ me, group, workspace }: { me: Me; group: Group; workspace: Workspace }): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const actions = useAccount().workspace;
  const [isRenaming, setRenaming] = useState(false);
  const canRename = can(me, Action.renameGroup, { type: 'group', groupId: group.id });
  return (
    <Page title={group.name}>
      <div className="page-head">
        <h1>{group.name}</h1>
        {canRename ? (
          <button type="button" className="button is-small is-quiet" onClick={() => setRenaming(true)}>
            {t('group.renameGroup')}
          </button>
        ) : null}
      </div>
      <div className="group-layout">
        <GroupDocuments me={me} group={group} workspace={workspace} />
        <MembersPanel me={me} group={group} people={workspace.people} />
      </div>
      <NameDialog
        isOpen={isRenaming}
        title={t('group.renameGroup')}
        label={t('group.groupName')}
        initial={group.name}
        maxLength={MAX_GROUP_NAME_LENGTH}
        onSubmit={async (name) => {
          await api.renameGroup(group.id, name);
          await actions.refresh();
        }}
        onClose={() => setRenaming(false)}
      />
    </Page>
  );
}

/** `/g/:groupId`: the group's documents (filter, search, create, rename, archive) and its members. */
export function GroupPage({ me, groupIdText }: { readonly me: Me; readonly groupIdText: string }): ReactElement {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  useRefreshOnOpen(groupIdText);
  const groupId: GroupId | null = parseGroupId(groupIdText);
  const group = groupId === null ? undefined : workspace?.groups.find((each) => each.id === groupId);
  if (workspace === null) {
    return (
      <Page title={t('group.documents')}>
        <p className="empty-note">{t('home.loading')}</p>
      </Page>
    );
  }
  if (group === undefined || !can(me, Action.viewGroup, { type: 'group', groupId: group.id })) {
    return (
      <Page title={t('group.documents')}>
        <p className="page-notice">{t('group.notFound')}</p>
      </Page>
    );
  }
  return <GroupView me={me} group={group} workspace={workspace} />;
}
