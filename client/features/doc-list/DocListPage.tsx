import { type ReactElement, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { DocKind } from '../../../shared';
import { AppHeader } from '../../app/AppHeader';
import { getServices } from '../../app/services';
import { useLiveQuery } from '../../lib/useLiveQuery';
import { useOnline } from '../../lib/useOnline';
import { createDocument } from '../../storage/createDocument';
import { listDocRecords } from '../../storage/docRecords';
import { StorageUsage } from '../storage/StorageUsage';
import { listIndicatorView } from '../sync-indicator/indicatorView';
import { useTotalUnsent } from '../sync-indicator/useTotalUnsent';
import { CreateDocDialog } from './CreateDocDialog';
import { DocTable } from './DocTable';
import { filterByTitle, type ListedDoc, mergeDocLists } from './mergeDocLists';
import { RenameDialog } from './RenameDialog';
import { useServerDocs } from './useServerDocs';

function ListNote({ isOnline, serverStatus }: { readonly isOnline: boolean; readonly serverStatus: string }) {
  const { t } = useTranslation();
  if (!isOnline) {
    return <p className="list-note">{t('list.offlineNote')}</p>;
  }
  return serverStatus === 'failed' ? <p className="list-note">{t('list.serverUnavailable')}</p> : null;
}

/** The route `/`: documents on this device and on the server, to open, create and rename. */
export function DocListPage(): ReactElement {
  const { t } = useTranslation();
  const { db } = getServices();
  const [, navigate] = useLocation();
  const isOnline = useOnline();
  const local = useLiveQuery(useCallback(() => listDocRecords(db), [db]));
  const unsent = useTotalUnsent(db);
  const server = useServerDocs();
  const [query, setQuery] = useState('');
  const [renaming, setRenaming] = useState<ListedDoc | null>(null);
  const createRef = useRef<HTMLDialogElement>(null);
  const docs = useMemo(
    () => mergeDocLists(local.status === 'ready' ? local.value : [], server.status === 'ready' ? server.docs : null),
    [local, server],
  );
  const shown = filterByTitle(docs, query);
  const onCreate = async (kind: DocKind): Promise<void> => {
    const docId = await createDocument(db, kind);
    createRef.current?.close();
    navigate(`/d/${docId}`);
  };
  const indicator = listIndicatorView(isOnline, unsent, t);
  return (
    <div className="app-shell">
      <AppHeader indicator={indicator}>
        <span className="header-tagline">{t('app.tagline')}</span>
      </AppHeader>
      <main className="list-main">
        <div className="list-head">
          <h1>{t('list.heading')}</h1>
          <input
            className="search"
            type="search"
            placeholder={t('list.search')}
            aria-label={t('list.searchLabel')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <button type="button" className="button is-primary new-doc" onClick={() => createRef.current?.showModal()}>
            <span aria-hidden="true">＋</span> {t('list.newDoc')}
          </button>
        </div>
        <ListNote isOnline={isOnline} serverStatus={server.status} />
        {local.status === 'loading' ? (
          <p className="list-note">{t('list.loading')}</p>
        ) : (
          <DocTable docs={shown} query={query} isEmpty={docs.length === 0} onRename={setRenaming} />
        )}
        <StorageUsage />
      </main>
      <CreateDocDialog ref={createRef} onCreate={onCreate} />
      <RenameDialog doc={renaming} onClose={() => setRenaming(null)} />
    </div>
  );
}
