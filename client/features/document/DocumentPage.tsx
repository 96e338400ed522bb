import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type DocId, parseDocId } from '../../../shared';
import { AppHeader } from '../../app/AppHeader';
import { getServices } from '../../app/services';
import { EditorPane } from '../../editor/EditorPane';
import { createStore } from '../../lib/createStore';
import { useOnline } from '../../lib/useOnline';
import { useStore } from '../../lib/useStore';
import type { DocSession } from '../../session/DocSession';
import { useDocSession } from '../../session/useDocSession';
import type { DocConnection } from '../../sync/DocConnection';
import { deriveSyncStatus, INITIAL_SYNC_FACTS, type SyncStatus } from '../../sync/syncStatus';
import { PresenceList } from '../presence/PresenceList';
import { docIndicatorView } from '../sync-indicator/indicatorView';
import { DocTitleCrumb } from './DocTitleCrumb';

const NO_CONNECTION = createStore<SyncStatus>(deriveSyncStatus({ ...INITIAL_SYNC_FACTS, isOnline: false }));

function useSyncStatus(connection: DocConnection | null): SyncStatus {
  return useStore(connection?.status ?? NO_CONNECTION);
}

function Notice({ children }: { readonly children: string }): ReactElement {
  return <p className="page-notice">{children}</p>;
}

function ReadOnlyBanner({ session, status }: { readonly session: DocSession; readonly status: SyncStatus }) {
  const { t } = useTranslation();
  const isSchemaTooNew = useStore(session.isSchemaTooNew);
  if (isSchemaTooNew) {
    return (
      <div className="banner is-warning" role="alert">
        {t('doc.schemaTooNew')}
      </div>
    );
  }
  if (status.readOnlyReason !== null) {
    return (
      <div className="banner is-warning" role="alert">
        {t('doc.permissionDenied', { reason: status.readOnlyReason })}
      </div>
    );
  }
  return null;
}

function DocumentBody({ session }: { readonly session: DocSession }): ReactElement {
  const { t } = useTranslation();
  const state = useStore(session.state);
  const connection = useStore(session.connection);
  const status = useSyncStatus(connection);
  const isSchemaTooNew = useStore(session.isSchemaTooNew);
  const hasContent = useStore(session.hasContent);
  const isOnline = useOnline();
  const identity = useStore(getServices().identity);
  const header = (
    <AppHeader indicator={docIndicatorView(status, t)}>
      <Link href="/" className="back-link" title={t('doc.back')} aria-label={t('doc.back')}>
        ‹
      </Link>
      <DocTitleCrumb doc={session.doc} />
      <PresenceList awareness={session.awareness} />
    </AppHeader>
  );
  let content: ReactElement;
  if (state.phase === 'loading') {
    content = <Notice>{t('doc.loading')}</Notice>;
  } else if (state.phase === 'failed') {
    content = <Notice>{t('doc.failed', { error: state.message })}</Notice>;
  } else if (!hasContent) {
    // Nothing on the device yet: wait for the server rather than start an empty document beside it.
    content = <Notice>{isOnline ? t('doc.fetching') : t('doc.notAvailable')}</Notice>;
  } else {
    const isEditable = !isSchemaTooNew && status.readOnlyReason === null;
    content = (
      <>
        <ReadOnlyBanner session={session} status={status} />
        <EditorPane
          doc={session.doc}
          awareness={session.awareness}
          identity={identity}
          isEditable={isEditable}
          onComposingChange={session.setComposing}
        />
      </>
    );
  }
  return (
    <div className="app-shell">
      {header}
      <main className="doc-main">{content}</main>
    </div>
  );
}

function OpenDocument({ docId }: { readonly docId: DocId }): ReactElement | null {
  const session = useDocSession(docId);
  return session === null ? null : <DocumentBody session={session} />;
}

/** The route `/d/:docId`. */
export function DocumentPage({ docIdText }: { readonly docIdText: string }): ReactElement {
  const { t } = useTranslation();
  const docId = parseDocId(docIdText);
  if (docId === null) {
    return <Notice>{t('doc.invalidLink')}</Notice>;
  }
  return <OpenDocument docId={docId} />;
}
