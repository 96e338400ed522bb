import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import type { EncodedAnchor, Thread } from '../../core/comments';
import type { CommentsSession } from '../../core/rooms';
import { anchorContextOf, anchorFromRange, quoteOf, resolveAnchor } from './anchors';
import { commentHighlightKey, dispatchHighlight, type HighlightState, type HighlightThread } from './highlightPlugin';

interface Attachment {
  readonly session: CommentsSession;
  refs: number;
  stop: () => void;
}

const attachments = new WeakMap<Editor, Attachment>();

function isLive(editor: Editor): boolean {
  return !editor.isDestroyed && commentHighlightKey.getState(editor.state) !== undefined;
}

function toHighlight(thread: Thread): HighlightThread {
  return { id: thread.id, anchor: thread.anchor, resolved: thread.resolved };
}

/**
 * Feeds a document's threads to its editor's highlights until the returned function is called.
 * The panel and the editor pane may both attach the same session: the feed stops with the last.
 */
export function attachComments(editor: Editor, session: CommentsSession): () => void {
  const existing = attachments.get(editor);
  if (existing !== undefined && existing.session !== session) {
    existing.stop();
    attachments.delete(editor);
  }
  let attachment = attachments.get(editor);
  if (attachment === undefined) {
    const send = (): void => {
      if (isLive(editor)) {
        dispatchHighlight(editor.view, { kind: 'threads', threads: session.threads.getSnapshot().map(toHighlight) });
      }
    };
    const stopThreads = session.threads.subscribe(send);
    send();
    attachment = { session, refs: 0, stop: stopThreads };
    attachments.set(editor, attachment);
  }
  const claimed = attachment;
  claimed.refs += 1;
  let isDetached = false;
  return () => {
    if (isDetached) {
      return;
    }
    isDetached = true;
    claimed.refs -= 1;
    if (claimed.refs === 0 && attachments.get(editor) === claimed) {
      claimed.stop();
      attachments.delete(editor);
    }
  };
}

/** The ProseMirror range the person selected: the editor's, or the browser's in a read-only one. */
function selectedRange(editor: Editor): { from: number; to: number } | null {
  const { from, to } = editor.state.selection;
  if (from < to) {
    return { from, to };
  }
  const dom = window.getSelection();
  const view = editor.view;
  if (dom === null || dom.rangeCount === 0 || dom.isCollapsed || !view.dom.contains(dom.anchorNode)) {
    return null;
  }
  const range = dom.getRangeAt(0);
  try {
    const start = view.posAtDOM(range.startContainer, range.startOffset);
    const end = view.posAtDOM(range.endContainer, range.endOffset);
    return start < end ? { from: start, to: end } : null;
  } catch {
    return null;
  }
}

/**
 * Asks the comments panel to open a composer for the selected passage (the toolbar's 评论 button
 * and Ctrl+Alt+M). Works in a read-only editor too: a reader may comment (P9).
 */
export function requestComment(editor: Editor): void {
  if (!isLive(editor)) {
    return;
  }
  const range = selectedRange(editor);
  const context = anchorContextOf(editor.state);
  if (range === null || context === null || quoteOf(editor.state.doc, range.from, range.to) === '') {
    dispatchHighlight(editor.view, { kind: 'request', anchor: null, quote: '' });
    return;
  }
  const anchor = anchorFromRange(context, range.from, range.to);
  const quote = quoteOf(editor.state.doc, range.from, range.to);
  dispatchHighlight(editor.view, { kind: 'request', anchor, quote });
  dispatchHighlight(editor.view, { kind: 'draft', anchor });
}

/** Marks (or stops marking) the passage of a comment being written. */
export function setDraftAnchor(editor: Editor, anchor: EncodedAnchor | null): void {
  if (isLive(editor)) {
    dispatchHighlight(editor.view, { kind: 'draft', anchor });
  }
}

/** Marks a thread's passage as the one the panel shows open. */
export function setActiveThread(editor: Editor, threadId: string | null): void {
  if (isLive(editor) && commentHighlightKey.getState(editor.state)?.activeId !== threadId) {
    dispatchHighlight(editor.view, { kind: 'active', id: threadId });
  }
}

/** Selects a thread's passage and scrolls it into view; false when the passage is gone. */
export function revealAnchor(editor: Editor, anchor: EncodedAnchor): boolean {
  const context = isLive(editor) ? anchorContextOf(editor.state) : null;
  const range = context === null ? null : resolveAnchor(context, anchor);
  if (range === null) {
    return false;
  }
  const { view } = editor;
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, range.from, range.to)));
  const { node } = view.domAtPos(range.from);
  const element = node instanceof Element ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center' });
  return true;
}

/**
 * Calls `onRequest` each time someone asks to comment in this editor (the 评论 button,
 * Ctrl+Alt+M), for example to bring the comments tab forward.
 */
export function onCommentRequest(editor: Editor, onRequest: () => void): () => void {
  let seen = highlightStateOf(editor)?.request?.seq ?? 0;
  const onTransaction = (): void => {
    const seq = highlightStateOf(editor)?.request?.seq ?? 0;
    if (seq > seen) {
      seen = seq;
      onRequest();
    }
  };
  editor.on('transaction', onTransaction);
  return () => {
    editor.off('transaction', onTransaction);
  };
}

/** The highlight state of an editor (threads fed, active thread, requests); null without the plugin. */
export function highlightStateOf(editor: Editor | null): HighlightState | null {
  return editor === null || editor.isDestroyed ? null : (commentHighlightKey.getState(editor.state) ?? null);
}
