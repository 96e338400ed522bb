import type { Editor } from '@tiptap/core';
import { type ReactElement, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import { Action, decide, documentTarget, type UserId } from '../../../shared';
import { isCommentId, sortThreads, type Thread } from '../../core/comments';
import { createStore } from '../../core/lib';
import type { CommentsSession } from '../../core/rooms';
import { deriveSyncStatus, INITIAL_SYNC_FACTS, type SyncStatus } from '../../core/rooms';
import { attachComments, revealAnchor, setActiveThread, setDraftAnchor } from '../../editor/comments/editorComments';
import type { CommentRequest } from '../../editor/comments/highlightPlugin';
import { isTouchScreen } from '../../editor/touchScreen';
import { relayReasonText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useCommentsSession } from '../../ui/hooks/useRooms';
import { useStore } from '../../ui/hooks/useStore';
import { useAccount, useApp } from '../../ui/services/useServices';
import { peopleById } from '../docs/peopleNames';
import { type DocReviewContext, LIVE_VIEW } from '../document/reviewContext';
import type { CommentEnv } from './commentEnv';
import type { MentionCandidate } from './mentionText';
import { NewThread } from './NewThread';
import { ThreadCard } from './ThreadCard';
import { useEditorHighlight } from './useEditorHighlight';
import { useThreadPlaces } from './useThreadPlaces';

type Filter = 'open' | 'resolved';

/** How often the times shown (刚刚, 今天 14:05) are brought up to date. */
const CLOCK_TICK_MS = 60_000;

/**
 * The current time, updated once a minute: every card gets the same, so cards re-render only when
 * it moves. Anything newer than it is shown as 刚刚.
 */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const NOT_CONNECTED = createStore<SyncStatus>(deriveSyncStatus(INITIAL_SYNC_FACTS));

/** The members of the document's group other than the writer: who may be @mentioned. */
function useCandidates(context: DocReviewContext): readonly MentionCandidate[] {
  const { workspace, record, me } = context;
  return useMemo(() => {
    const group = workspace?.groups.find((each) => each.id === record?.groupId);
    const people = peopleById(workspace?.people ?? []);
    return (group?.memberIds ?? []).flatMap((id) => {
      const person = people.get(id);
      return person === undefined || id === me?.id || !person.isActive ? [] : [person];
    });
  }, [workspace, record, me]);
}

/** Whether the user may comment: signed in, allowed by P9, and not refused by the relay. */
function useCommentRight(context: DocReviewContext, status: SyncStatus): string | null {
  const { t } = useTranslation();
  const { me, record } = context;
  if (me === null) {
    return t('comments.signedOut');
  }
  if (record !== undefined) {
    const decision = decide(me, Action.comment, documentTarget(record));
    if (!decision.allowed) {
      return t('comments.readOnly', { reason: t(`denial.${decision.denial}`) });
    }
  }
  return status.readOnlyReason === null
    ? null
    : t('comments.readOnly', { reason: relayReasonText(status.readOnlyReason, t) });
}

/** Follows `?thread=<id>` (a link from the inbox) and clicks on marked passages in the editor. */
function useActiveThread(editor: Editor | null): [string | null, (id: string | null) => void] {
  const search = useSearch();
  const linked = new URLSearchParams(search).get('thread');
  const [activeId, setActiveId] = useState<string | null>(linked !== null && isCommentId(linked) ? linked : null);
  useEffect(() => {
    if (linked !== null && isCommentId(linked)) {
      setActiveId(linked);
    }
  }, [linked]);
  const clicks = useEditorHighlight(editor, (state) => state.clickSeq, 0);
  const clicked = useEditorHighlight(editor, (state) => state.activeId, null);
  useEffect(() => {
    // Before any click the editor only echoes the panel's own choice.
    if (clicks > 0) {
      setActiveId(clicked);
    }
  }, [clicks, clicked]);
  useEffect(() => {
    if (editor !== null) {
      setActiveThread(editor, activeId);
    }
  }, [editor, activeId]);
  return [activeId, setActiveId];
}

/** The side panel's comment threads: open and resolved, with the composer of a new one. */
export function CommentsPanel({ context }: { readonly context: DocReviewContext }): ReactElement {
  const session = useCommentsSession(context.docId);
  const { t } = useTranslation();
  if (session === null) {
    return <p className="comment-empty">{t('comments.loading')}</p>;
  }
  return <Threads context={context} session={session} />;
}

function Threads({ context, session }: { readonly context: DocReviewContext; readonly session: CommentsSession }) {
  const { t } = useTranslation();
  const { review } = useAccount();
  const { clock } = useApp();
  const { editor } = context;
  const state = useStore(session.state);
  const threads = useStore(session.threads);
  const connection = useStore(session.connection);
  const status = useStore(connection?.status ?? NOT_CONNECTED);
  const places = useThreadPlaces(editor, threads);
  const candidates = useCandidates(context);
  const refusal = useCommentRight(context, status);
  const [filter, setFilter] = useState<Filter>('open');
  const [error, setError] = useState<string | null>(null);
  const [activeId, setActiveId] = useActiveThread(editor);
  const request = useEditorHighlight<CommentRequest | null>(editor, (each) => each.request, null);
  const draft = useEditorHighlight(editor, (each) => each.draft, null);
  // A request made while another tab was shown is still open (its passage marked): take it up.
  const seenRequest = useRef(request !== null && draft !== null ? request.seq - 1 : (request?.seq ?? 0));
  const [composing, setComposing] = useState<CommentRequest | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const now = useMinuteClock();

  useEffect(() => (editor === null ? undefined : attachComments(editor, session)), [editor, session]);
  useEffect(() => {
    if (request !== null && request.seq > seenRequest.current) {
      seenRequest.current = request.seq;
      setComposing(request);
      setFilter('open');
    }
  }, [request]);

  const env: CommentEnv = useMemo(
    () => ({
      docId: context.docId,
      doc: session.doc,
      meId: (context.me?.id as UserId | undefined) ?? null,
      people: peopleById(context.workspace?.people ?? []),
      candidates,
      canComment: refusal === null,
      onError: setError,
      review,
      now: () => clock.now(),
      t,
    }),
    [context.docId, session, context.me, context.workspace, candidates, refusal, t, review, clock],
  );
  const sorted = useMemo(
    () => sortThreads(threads, (thread) => places?.get(thread.id)?.from ?? null),
    [threads, places],
  );
  const shown = sorted.filter((thread) => thread.resolved === (filter === 'resolved'));
  const openCount = sorted.length - sorted.filter((thread) => thread.resolved).length;

  // Show a newly picked thread (its filter, scrolled to), not each later change of it.
  const latestThreads = useRef(threads);
  latestThreads.current = threads;
  const isActiveKnown = threads.some((thread) => thread.id === activeId);
  useEffect(() => {
    const active = latestThreads.current.find((thread) => thread.id === activeId);
    if (active !== undefined && isActiveKnown) {
      setFilter(active.resolved ? 'resolved' : 'open');
      listRef.current?.querySelector(`[data-thread-id="${active.id}"]`)?.scrollIntoView({ block: 'nearest' });
    }
  }, [activeId, isActiveKnown]);

  const { view } = context;
  const select = useCallback(
    (thread: Thread): void => {
      setActiveId(thread.id);
      if (editor !== null) {
        view.set(LIVE_VIEW);
        revealAnchor(editor, thread.anchor);
      }
    },
    [editor, view, setActiveId],
  );
  const closeComposer = (): void => {
    setComposing(null);
    if (editor !== null) {
      setDraftAnchor(editor, null);
    }
  };

  if (state.phase === 'failed') {
    return <p className="comment-empty">{t('comments.failed', { error: state.message })}</p>;
  }
  return (
    <div className="comments-panel" ref={listRef}>
      <fieldset className="comment-filter" aria-label={t('comments.filterLabel')}>
        {(['open', 'resolved'] as const).map((each) => (
          <button
            key={each}
            type="button"
            aria-pressed={filter === each}
            className={filter === each ? 'comment-filter-option is-active' : 'comment-filter-option'}
            onClick={() => setFilter(each)}
          >
            {t(`comments.filter.${each}`)}
            <span className="comment-count">{each === 'open' ? openCount : sorted.length - openCount}</span>
          </button>
        ))}
      </fieldset>
      {refusal === null ? null : <p className="comment-notice">{refusal}</p>}
      {status.unsent > 0 && status.phase === 'offline' ? (
        // Online, an unsent comment is on its way within a moment: only offline is it worth a line.
        <p className="comment-unsent">{t('comments.unsent', { count: status.unsent })}</p>
      ) : null}
      <FormError message={error} />
      {composing !== null && refusal === null ? (
        <NewThread
          env={env}
          request={composing}
          onCreated={(threadId) => {
            closeComposer();
            setActiveId(threadId);
          }}
          onClose={closeComposer}
        />
      ) : null}
      {shown.length === 0 && composing === null ? (
        <p className="comment-empty">
          {filter === 'open' && isTouchScreen() ? t('comments.empty.openTouch') : t(`comments.empty.${filter}`)}
        </p>
      ) : null}
      {shown.map((thread) => (
        <ThreadCard
          key={thread.id}
          env={env}
          thread={thread}
          isOnDeletedText={places !== null && places.get(thread.id) === null}
          isActive={thread.id === activeId}
          now={now}
          onSelect={select}
        />
      ))}
    </div>
  );
}
