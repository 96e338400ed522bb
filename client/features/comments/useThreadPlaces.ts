import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useState } from 'react';
import type { Thread } from '../../core/comments';
import { type AnchorRange, anchorContextOf, resolveAnchor } from '../../editor/comments/anchors';

/** Wait after an edit before placing the threads again: typing must not re-sort the panel each key. */
const REPLACE_DELAY_MS = 300;

/**
 * Where each thread's passage is in the live document (null: its text is gone), or null when no
 * live editor is there to tell. Placed again after edits, a little later, and when threads change.
 */
export function useThreadPlaces(
  editor: Editor | null,
  threads: readonly Thread[],
): ReadonlyMap<string, AnchorRange | null> | null {
  const [edits, setEdits] = useState(0);
  useEffect(() => {
    if (editor === null) {
      return undefined;
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }): void => {
      if (transaction.docChanged && timer === null) {
        timer = setTimeout(() => {
          timer = null;
          setEdits((count) => count + 1);
        }, REPLACE_DELAY_MS);
      }
    };
    editor.on('transaction', onTransaction);
    return () => {
      editor.off('transaction', onTransaction);
      if (timer !== null) {
        clearTimeout(timer);
      }
    };
  }, [editor]);
  return useMemo(() => {
    // `edits` only says when to read the editor's state again.
    void edits;
    const context = editor === null || editor.isDestroyed ? null : anchorContextOf(editor.state);
    if (context === null) {
      return null;
    }
    return new Map(threads.map((thread) => [thread.id, resolveAnchor(context, thread.anchor)]));
  }, [editor, threads, edits]);
}
