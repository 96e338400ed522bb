import { type RefObject, useEffect } from 'react';

/**
 * ProseMirror finishes a composition 20 ms after compositionend (and flushes DOM changes in a
 * microtask before that); remote changes wait a little longer so they land on the final text.
 */
const COMPOSITION_SETTLE_MS = 50;

/**
 * Reports whether the user is composing text with an input method inside `ref`: true at
 * compositionstart, false once the composition has settled into the document.
 */
export function useCompositionHold(
  ref: RefObject<HTMLElement | null>,
  onComposingChange: ((isComposing: boolean) => void) | undefined,
): void {
  useEffect(() => {
    const element = ref.current;
    if (element === null || onComposingChange === undefined) {
      return undefined;
    }
    let settleTimer: ReturnType<typeof setTimeout> | null = null;
    let isComposing = false;
    const clearSettle = (): void => {
      if (settleTimer !== null) {
        clearTimeout(settleTimer);
        settleTimer = null;
      }
    };
    const onStart = (): void => {
      clearSettle();
      if (!isComposing) {
        isComposing = true;
        onComposingChange(true);
      }
    };
    const onEnd = (): void => {
      clearSettle();
      settleTimer = setTimeout(() => {
        settleTimer = null;
        isComposing = false;
        onComposingChange(false);
      }, COMPOSITION_SETTLE_MS);
    };
    element.addEventListener('compositionstart', onStart);
    element.addEventListener('compositionend', onEnd);
    // Losing focus mid-composition ends it too; never keep holding after that.
    element.addEventListener('focusout', onEnd);
    return () => {
      clearSettle();
      element.removeEventListener('compositionstart', onStart);
      element.removeEventListener('compositionend', onEnd);
      element.removeEventListener('focusout', onEnd);
      if (isComposing) {
        onComposingChange(false);
      }
    };
  }, [ref, onComposingChange]);
}
