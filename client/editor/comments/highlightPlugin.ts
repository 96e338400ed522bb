import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EncodedAnchor } from '../../core/comments';
import { type AnchorRange, anchorContextOf, resolveAnchor } from './anchors';

/** What the editor needs of a thread to mark its passage. */
export interface HighlightThread {
  readonly id: string;
  readonly anchor: EncodedAnchor;
  readonly resolved: boolean;
}

/** A passage someone asked to comment on (toolbar button, Ctrl+Alt+M), for the composer. */
export interface CommentRequest {
  /** Counts requests, so that asking twice for the same passage still reaches the panel. */
  readonly seq: number;
  /** Null when nothing was selected: the panel asks the person to select text first. */
  readonly anchor: EncodedAnchor | null;
  readonly quote: string;
}

export interface HighlightState {
  readonly threads: readonly HighlightThread[];
  /** The thread the panel shows open; its passage is marked more strongly. */
  readonly activeId: string | null;
  /** The passage of a comment being written, marked until it is sent or cancelled. */
  readonly draft: EncodedAnchor | null;
  readonly request: CommentRequest | null;
  /** Bumped when a click on a marked passage picks a thread (for the panel to follow). */
  readonly clickSeq: number;
  readonly decorations: DecorationSet;
}

type Meta =
  | { readonly kind: 'threads'; readonly threads: readonly HighlightThread[] }
  | { readonly kind: 'active'; readonly id: string | null; readonly isClick?: boolean }
  | { readonly kind: 'draft'; readonly anchor: EncodedAnchor | null }
  | { readonly kind: 'request'; readonly anchor: EncodedAnchor | null; readonly quote: string };

export const commentHighlightKey = new PluginKey<HighlightState>('commentHighlights');

const DRAFT_ID = '';

/** The marks of every open thread's passage, the active one and the draft stronger. */
function buildDecorations(state: EditorState, value: Omit<HighlightState, 'decorations'>): DecorationSet {
  const context = anchorContextOf(state);
  if (context === null) {
    return DecorationSet.empty;
  }
  const marks: Decoration[] = [];
  const add = (id: string, range: AnchorRange | null, className: string): void => {
    if (range !== null) {
      marks.push(Decoration.inline(range.from, range.to, { class: className }, { threadId: id }));
    }
  };
  for (const thread of value.threads) {
    if (!thread.resolved) {
      const isActive = thread.id === value.activeId;
      add(thread.id, resolveAnchor(context, thread.anchor), isActive ? 'comment-anchor is-active' : 'comment-anchor');
    }
  }
  if (value.draft !== null) {
    add(DRAFT_ID, resolveAnchor(context, value.draft), 'comment-anchor is-draft');
  }
  return DecorationSet.create(state.doc, marks);
}

function applyMeta(value: HighlightState, meta: Meta | undefined): HighlightState {
  switch (meta?.kind) {
    case 'threads':
      return { ...value, threads: meta.threads };
    case 'active':
      return { ...value, activeId: meta.id, clickSeq: value.clickSeq + (meta.isClick === true ? 1 : 0) };
    case 'draft':
      return { ...value, draft: meta.anchor };
    case 'request':
      return { ...value, request: { seq: (value.request?.seq ?? 0) + 1, anchor: meta.anchor, quote: meta.quote } };
    default:
      return value;
  }
}

/**
 * Decorations follow the document two ways. A local edit is mapped through the transaction:
 * its Yjs side is written only after the state is applied, so the anchors cannot be read yet.
 * Anything that came through Yjs (a remote change, undo, the first render) carries the sync
 * plugin's meta and is read again from the anchors, like a change of the threads themselves.
 */
function applyTransaction(tr: Transaction, value: HighlightState, state: EditorState): HighlightState {
  const meta = tr.getMeta(commentHighlightKey) as Meta | undefined;
  const next = applyMeta(value, meta);
  const isFromYjs = tr.docChanged && tr.getMeta(ySyncPluginKey) !== undefined;
  const needsRebuild = isFromYjs || (meta !== undefined && meta.kind !== 'request');
  if (needsRebuild) {
    return { ...next, decorations: buildDecorations(state, next) };
  }
  if (tr.docChanged) {
    return { ...next, decorations: next.decorations.map(tr.mapping, tr.doc) };
  }
  return next;
}

/** The thread whose marked passage is under the click, the narrowest when passages overlap. */
function threadAt(view: EditorView, event: MouseEvent): string | null {
  const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
  const value = commentHighlightKey.getState(view.state);
  if (hit === null || value === undefined) {
    return null;
  }
  const found = value.decorations
    .find(hit.pos, hit.pos, (spec: { threadId?: string }) => typeof spec.threadId === 'string' && spec.threadId !== '')
    .filter((decoration) => decoration.from <= hit.pos && hit.pos < decoration.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from));
  const spec = found[0]?.spec as { threadId?: string } | undefined;
  return spec?.threadId ?? null;
}

function commentHighlightPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightKey,
    state: {
      init: () => ({
        threads: [],
        activeId: null,
        draft: null,
        request: null,
        clickSeq: 0,
        decorations: DecorationSet.empty,
      }),
      apply: (tr, value, _oldState, newState) => applyTransaction(tr, value, newState),
    },
    props: {
      decorations: (state) => commentHighlightKey.getState(state)?.decorations ?? DecorationSet.empty,
      handleDOMEvents: {
        // A DOM listener rather than handleClick: it also runs in a read-only editor.
        click: (view, event) => {
          const id = threadAt(view, event);
          if (id !== null) {
            view.dispatch(view.state.tr.setMeta(commentHighlightKey, { kind: 'active', id, isClick: true }));
          }
          return false;
        },
      },
    },
  });
}

/** Marks commented passages in the editor; fed by `attachComments`, read by the comments panel. */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [commentHighlightPlugin()];
  },
});

/** Sends a change of the highlight state to the editor's view. */
export function dispatchHighlight(view: EditorView, meta: Meta): void {
  view.dispatch(view.state.tr.setMeta(commentHighlightKey, meta).setMeta('addToHistory', false));
}
