import type { Node as PmNode, Schema } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { EncodedAnchor } from '../../core/comments';

/** How y-tiptap maps Yjs types to ProseMirror nodes (its `ProsemirrorMapping`). */
export type PmMapping = Parameters<typeof relativePositionToAbsolutePosition>[3];

/**
 * What translating between ProseMirror positions and Yjs relative positions needs: the content
 * Y.Doc, the fragment bound to the editor, y-tiptap's mapping and the ProseMirror doc it maps.
 */
export interface AnchorContext {
  readonly ydoc: Y.Doc;
  readonly fragment: Y.XmlFragment;
  readonly mapping: PmMapping;
  readonly pmDoc: PmNode;
}

/** A thread's passage in the current document, as ProseMirror positions (from < to). */
export interface AnchorRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The anchor context of an editor bound to a Y.Doc by the Collaboration extension; null when the
 * state has no sync plugin (a version shown read-only, a test editor).
 */
export function anchorContextOf(state: EditorState): AnchorContext | null {
  const sync: unknown = ySyncPluginKey.getState(state);
  if (typeof sync !== 'object' || sync === null || !('binding' in sync) || !('type' in sync)) {
    return null;
  }
  const { binding, type } = sync as { binding: { mapping: PmMapping; doc: Y.Doc } | null; type: Y.XmlFragment };
  if (binding === null || !(type instanceof Y.XmlFragment)) {
    return null;
  }
  return { ydoc: binding.doc, fragment: type, mapping: binding.mapping, pmDoc: state.doc };
}

/**
 * The anchor context of a content doc without an editor (tests, benchmarks, tools): its body
 * built as ProseMirror nodes with `schema`, as the editor's sync plugin would build it.
 */
export function anchorContextOfFragment(ydoc: Y.Doc, fragment: Y.XmlFragment, schema: Schema): AnchorContext {
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  return { ydoc, fragment, mapping, pmDoc: doc };
}

/**
 * Makes the start of a passage stick to its first character rather than to the one before it.
 * y-tiptap ties every text position to the character on its left; for a start that would pull
 * text typed just before the passage into it. The end keeps y-tiptap's choice (the passage's
 * last character), so text typed right after the passage stays outside too.
 */
function toFirstCharacter(position: Y.RelativePosition, ydoc: Y.Doc): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, ydoc);
  if (absolute !== null && absolute.type instanceof Y.XmlText && absolute.index < absolute.type.length) {
    return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
  }
  return position;
}

/** The anchor of the passage from `from` to `to` (ProseMirror positions, from < to). */
export function anchorFromRange(context: AnchorContext, from: number, to: number): EncodedAnchor {
  const { ydoc, fragment, mapping } = context;
  const start: Y.RelativePosition = absolutePositionToRelativePosition(from, fragment, mapping);
  const end: Y.RelativePosition = absolutePositionToRelativePosition(to, fragment, mapping);
  return {
    start: Y.encodeRelativePosition(toFirstCharacter(start, ydoc)),
    end: Y.encodeRelativePosition(end),
  };
}

function toAbsolute(context: AnchorContext, encoded: Uint8Array): number | null {
  try {
    const relative = Y.decodeRelativePosition(encoded);
    return relativePositionToAbsolutePosition(context.ydoc, context.fragment, relative, context.mapping);
  } catch {
    // An anchor another client wrote badly cannot be placed: it reads like deleted text.
    return null;
  }
}

/**
 * Where an anchored passage is now; null when its text is gone ("on deleted text"): both ends
 * collapsed onto one place once everything between them was deleted, or nothing but structure
 * (no text) is left between them.
 */
export function resolveAnchor(context: AnchorContext, anchor: EncodedAnchor): AnchorRange | null {
  const from = toAbsolute(context, anchor.start);
  const to = toAbsolute(context, anchor.end);
  const size = context.pmDoc.content.size;
  if (from === null || to === null || from >= to || from < 0 || to > size) {
    return null;
  }
  const text = context.pmDoc.textBetween(from, to, '\n', ' ');
  return text.trim() === '' ? null : { from, to };
}

/** The text of a passage as a quote: blocks joined by a space, runs of white space collapsed. */
export function quoteOf(pmDoc: PmNode, from: number, to: number): string {
  return pmDoc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim();
}
