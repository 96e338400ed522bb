import type { Editor } from '@tiptap/core';
import { useCallback, useSyncExternalStore } from 'react';
import { highlightStateOf } from '../../editor/comments/editorComments';
import type { HighlightState } from '../../editor/comments/highlightPlugin';

/**
 * One field of the editor's comment highlight state (the active thread, the last comment
 * request, clicks on marked passages); re-renders only when that field changes.
 */
export function useEditorHighlight<T>(editor: Editor | null, select: (state: HighlightState) => T, fallback: T): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (editor === null) {
        return () => undefined;
      }
      editor.on('transaction', onChange);
      return () => {
        editor.off('transaction', onChange);
      };
    },
    [editor],
  );
  const read = (): T => {
    const state = highlightStateOf(editor);
    return state === null ? fallback : select(state);
  };
  return useSyncExternalStore(subscribe, read);
}
