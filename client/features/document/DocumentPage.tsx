import type { Editor } from '@tiptap/core';
import type { TFunction } from 'i18next';
import { type ReactElement, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import {
  Action,
  type Decision,
  Denial,
  type DocId,
  type DocStatus,
  decide,
  documentTarget,
  EDITABLE_STATUSES,
  parseDocId,
  Role,
} from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import { createStore } from '../../core/lib';
import { knownPeopleOf } from '../../core/presence';
import type { ContentSession, DocConnection } from '../../core/rooms';
import { deriveSyncStatus, INITIAL_SYNC_FACTS, type SyncStatus } from '../../core/rooms';
import type { DocAccess } from '../../core/workspace';
import { userOf } from '../../core/workspace';
import { EditorPane } from '../../editor/EditorPane';
import { relayReasonText } from '../../ui/errorText';
import { useOnline } from '../../ui/hooks/useOnline';
import { useQueuedReview } from '../../ui/hooks/useReview';
import { useCommentsSession, useContentSession } from '../../ui/hooks/useRooms';
import { useStore } from '../../ui/hooks/useStore';
import { useAuth, useDocAccess, useWorkspace } from '../../ui/hooks/useWorkspace';
import { useAccount, useApp } from '../../ui/services/useServices';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { AccessNotice } from '../access/AccessNotice';
import { ExportMenu } from '../export/ExportMenu';
import { PrintForm } from '../export/PrintForm';
import { FieldsPanel } from '../fields/FieldsPanel';
import { FileProblem } from '../files/FileProblem';
import { InsertFileTools } from '../files/InsertFileTools';
import { useCaptionDialog } from '../files/useCaptionDialog';
import { useDocFileSource } from '../files/useDocFileSource';
import { PresenceList } from '../presence/PresenceList';
import { AppHeader } from '../shell/AppHeader';
import { Page } from '../shell/Page';
import { docIndicatorView, expiredIndicatorView } from '../sync-indicator/indicatorView';
import { VersionView } from '../versions/VersionView';
import { DocReviewBar } from '../workflow/DocReviewBar';
import { isReviewerOf } from '../workflow/isReviewerOf';
import { DocMetaBar } from './DocMetaBar';
import { DocTitleCrumb } from './DocTitleCrumb';
import { ReviewSidebar } from './ReviewSidebar';
import { type DocReviewContext, type DocView, LIVE_VIEW } from './reviewContext';

const NO_CONNECTION = createStore<SyncStatus>(deriveSyncStatus({ ...INITIAL_SYNC_FACTS, isOnline: false }));

/** What the person may do with an open document; `unknown_offline` edits locally, the relay decides later. */
type OpenAccess = Extract<DocAccess, 'write' | 'read' | 'unknown_offline'>;

function useSyncStatus(connection: DocConnection | null): SyncStatus {
  return useStore(connection?.status ?? NO_CONNECTION);
}

function Notice({ children }: { readonly children: string }): ReactElement {
  return <p className="page-notice">{children}</p>;
}

/** The statuses in which nobody edits the content (P7); each has its own read-only sentence. */
type FrozenStatus = Exclude<DocStatus, typeof DocStatus.draft | typeof DocStatus.returned>;

function isFrozenStatus(status: DocStatus): status is FrozenStatus {
  return !EDITABLE_STATUSES.includes(status);
}

/**
 * Why a member may not edit, by `can()`'s denial: a status that freezes the content is named, so
 * that the banner says which one the document is in rather than listing every frozen status.
 */
function readOnlyText(decision: Decision, status: DocStatus, t: TFunction): string {
  if (decision.allowed) {
    return t('access.readOnly', { reason: '' });
  }
  if (decision.denial === Denial.status && isFrozenStatus(status)) {
    return t(`access.statusReadOnly.${status}`);
  }
  return t('access.readOnly', { reason: t(`denial.${decision.denial}`) });
}

/** Why the person only reads: the cached record through can(), the relay, or a newer schema. */
function AccessBanners(props: {
  readonly session: ContentSession;
  readonly status: SyncStatus;
  readonly access: OpenAccess;
  readonly record: DocRecord | undefined;
}): ReactElement | null {
  const { t } = useTranslation();
  const auth = useAuth();
  const isSchemaTooNew = useStore(props.session.isSchemaTooNew);
  if (isSchemaTooNew) {
    return (
      <div className="banner is-warning" role="alert">
        {t('doc.schemaTooNew')}
      </div>
    );
  }
  if (
    props.access === 'read' &&
    props.record !== undefined &&
    auth.status !== 'loading' &&
    auth.status !== 'signed_out'
  ) {
    const decision = decide(auth.me, Action.editContent, documentTarget(props.record));
    // A chair reviews rather than edits (P7): say so plainly.
    const isReviewer = !decision.allowed && decision.denial === 'not_in_group' && isReviewerOf(auth.me, props.record);
    // A handling unit reads what is handed to it and answers in the 办理 tab (P16).
    const isUnit = auth.me.role === Role.unit;
    return (
      <div className="banner is-info" role="status">
        {isUnit
          ? t('access.unitReadOnly')
          : isReviewer
            ? t('access.reviewerReadOnly')
            : readOnlyText(decision, props.record.status, t)}
      </div>
    );
  }
  if (props.status.readOnlyReason !== null) {
    return (
      <div className="banner is-warning" role="alert">
        {t('doc.permissionDenied', { reason: relayReasonText(props.status.readOnlyReason, t) })}
      </div>
    );
  }
  if (props.access === 'unknown_offline') {
    return (
      <div className="banner is-warning" role="status">
        {t('access.unknownOffline')}
      </div>
    );
  }
  return null;
}

function DocumentBody({ session, access }: { readonly session: ContentSession; readonly access: OpenAccess }) {
  const { t } = useTranslation();
  const state = useStore(session.state);
  const connection = useStore(session.connection);
  const status = useSyncStatus(connection);
  const isSchemaTooNew = useStore(session.isSchemaTooNew);
  const hasContent = useStore(session.hasContent);
  const isOnline = useOnline();
  const identity = useStore(useApp().identity);
  const workspace = useWorkspace();
  const auth = useAuth();
  const isExpired = auth.status === 'expired';
  const me = userOf(auth);
  const record = workspace?.docs.find((doc) => doc.id === session.docId);
  const [editor, setEditor] = useState<Editor | null>(null);
  const { files } = useAccount();
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const caption = useCaptionDialog();
  const fileSource = useDocFileSource(files, session.docId, setFileProblem, caption.ask);
  // Held here, not by the comments tab: the editor marks commented passages whichever tab is open.
  // A handling unit never reads the discussion (P16): its comments room is not opened.
  const comments = useCommentsSession(me?.role === Role.unit ? null : session.docId);
  const knownPeople = useMemo(() => knownPeopleOf(workspace), [workspace]);
  const viewStore = useMemo(() => createStore<DocView>(LIVE_VIEW), []);
  const view = useStore(viewStore);
  // A submit (approval, filing) queued or on its way freezes the text now: typing after it would be
  // refused by the relay once the status changed, and would sit unsent on the device.
  const queued = useQueuedReview(session.docId);
  const isEditable = access !== 'read' && !isSchemaTooNew && status.readOnlyReason === null && !queued.freezesContent;
  const context: DocReviewContext = useMemo(
    () => ({ docId: session.docId, session, record, me, workspace, editor, isEditable, view: viewStore }),
    [session, record, me, workspace, editor, isEditable, viewStore],
  );
  useDocumentTitle(record?.title || t('common.untitled'));
  const header = (
    <AppHeader indicator={isExpired ? expiredIndicatorView(status.unsent, t) : docIndicatorView(status, t)}>
      <Link
        href={record?.groupId === null || record === undefined ? '/' : `/g/${record.groupId}`}
        className="back-link"
        title={t('doc.back')}
        aria-label={t('doc.back')}
      >
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
    content = (
      <div className="doc-layout">
        <div className="doc-editor-area">
          <AccessBanners session={session} status={status} access={access} record={record} />
          {record === undefined || workspace === null ? null : (
            <PrintForm doc={session.doc} record={record} workspace={workspace} />
          )}
          {view.kind === 'live' ? null : <VersionView context={context} view={view} />}
          <div className="doc-live" hidden={view.kind !== 'live'}>
            <FieldsPanel doc={session.doc} record={record} workspace={workspace} isEditable={isEditable} />
            <EditorPane
              doc={session.doc}
              awareness={session.awareness}
              identity={identity}
              isEditable={isEditable}
              onComposingChange={session.setComposing}
              onEditor={setEditor}
              comments={comments}
              canComment={me?.role !== Role.unit}
              knownPeople={knownPeople}
              files={fileSource}
              tools={
                editor === null ? null : (
                  <InsertFileTools
                    editor={editor}
                    doc={session.doc}
                    docId={session.docId}
                    files={files}
                    onProblem={setFileProblem}
                  />
                )
              }
            />
            {fileProblem === null ? null : <FileProblem text={fileProblem} onDismiss={() => setFileProblem(null)} />}
            {caption.dialog}
          </div>
        </div>
        <ReviewSidebar context={context} />
      </div>
    );
  }
  return (
    <div className="app-shell">
      {header}
      <main id="main" className="doc-main">
        {record === undefined || workspace === null ? null : (
          <div className="doc-meta-row">
            <DocMetaBar doc={record} workspace={workspace} />
            {state.phase === 'ready' && hasContent ? (
              <ExportMenu doc={session.doc} record={record} workspace={workspace} />
            ) : null}
          </div>
        )}
        {state.phase === 'ready' && hasContent && me?.role !== Role.unit ? <DocReviewBar context={context} /> : null}
        {content}
      </main>
    </div>
  );
}

function OpenDocument({ docId, access }: { readonly docId: DocId; readonly access: OpenAccess }): ReactElement | null {
  const session = useContentSession(docId);
  return session === null ? null : <DocumentBody session={session} access={access} />;
}

/**
 * Decides what to show before anything of the document is loaded: nothing of a document the
 * person may not read (no session, so no byte of it reaches this page or the device), a
 * not-found page, or the document. Once open, a passing re-check keeps it open.
 */
function DocumentGate({ docId }: { readonly docId: DocId }): ReactElement {
  const { t } = useTranslation();
  const access = useDocAccess(docId);
  const lastOpen = useRef<{ docId: DocId; access: OpenAccess } | null>(null);
  if (access === 'none' || access === 'not_found') {
    lastOpen.current = null;
    return <AccessNotice kind={access} />;
  }
  if (access !== 'checking') {
    lastOpen.current = { docId, access };
  }
  const open = lastOpen.current?.docId === docId ? lastOpen.current.access : null;
  if (open === null) {
    return (
      <Page title={t('access.checking')}>
        <p className="page-notice">{t('access.checking')}</p>
      </Page>
    );
  }
  return <OpenDocument docId={docId} access={open} />;
}

/** The route `/d/:docId`. */
export function DocumentPage({ docIdText }: { readonly docIdText: string }): ReactElement {
  const { t } = useTranslation();
  const docId = parseDocId(docIdText);
  if (docId === null) {
    return (
      <Page title={t('access.notFoundTitle')}>
        <p className="page-notice">{t('doc.invalidLink')}</p>
      </Page>
    );
  }
  return <DocumentGate key={docId} docId={docId} />;
}
