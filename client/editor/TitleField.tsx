import { type ReactElement, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { MAX_TITLE_LENGTH } from '../../shared';
import { applyTextChange, diffText, rebaseChange, type TextDelta, transformIndex } from './textDiff';

export interface TitleFieldProps {
  readonly text: Y.Text;
  readonly isEditable: boolean;
  readonly placeholder: string;
  readonly label: string;
  /** Enter in the title moves on to the body. */
  readonly onEnter: () => void;
}

/** Shows `value` in the input; a focused input keeps its selection, moved through `delta`. */
function showRemote(input: HTMLInputElement, value: string, delta: TextDelta): void {
  if (document.activeElement !== input) {
    input.value = value;
    return;
  }
  const start = transformIndex(input.selectionStart ?? 0, delta);
  const end = transformIndex(input.selectionEnd ?? 0, delta);
  input.value = value;
  input.setSelectionRange(start, Math.max(start, end));
}

/**
 * The collaborative title: local typing becomes minimal changes of the Y.Text; remote changes
 * are shown at once, keeping the caret, except during an IME composition, when they wait for
 * compositionend (changing the input under a composition breaks it, C7).
 */
export function TitleField({ text, isEditable, placeholder, label, onEnter }: TitleFieldProps): ReactElement {
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const input = inputRef.current;
    return input === null ? undefined : bindTitle(input, text);
  }, [text]);
  return (
    <input
      ref={inputRef}
      className="doc-title"
      type="text"
      aria-label={label}
      placeholder={placeholder}
      maxLength={MAX_TITLE_LENGTH}
      readOnly={!isEditable}
      autoComplete="off"
      spellCheck={false}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
          event.preventDefault();
          onEnter();
        }
      }}
    />
  );
}

/** Wires an input to a Y.Text; returns the function that unwires it. */
function bindTitle(input: HTMLInputElement, text: Y.Text): () => void {
  const origin = { source: 'title-input' };
  let shown = text.toString();
  let isComposing = false;
  let held: TextDelta[] = [];
  input.value = shown;

  const onTextChange = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
    if (transaction.origin === origin) {
      return;
    }
    if (isComposing) {
      held.push(event.delta as TextDelta);
      return;
    }
    shown = text.toString();
    showRemote(input, shown, event.delta as TextDelta);
  };
  const commitLocal = (deltas: readonly TextDelta[]): void => {
    const change = diffText(shown, input.value);
    if (change === null) {
      return;
    }
    const rebased = rebaseChange(change, deltas);
    applyTextChange(text, rebased, origin);
    if (deltas.length > 0) {
      input.value = text.toString();
      const caret = rebased.index + rebased.insert.length;
      input.setSelectionRange(caret, caret);
    }
    shown = input.value;
  };
  const onInput = (event: Event): void => {
    if (!isComposing && !(event instanceof InputEvent && event.isComposing)) {
      commitLocal([]);
    }
  };
  const onCompositionStart = (): void => {
    isComposing = true;
  };
  const onCompositionEnd = (): void => {
    isComposing = false;
    const deltas = held;
    held = [];
    commitLocal(deltas);
    if (text.toString() !== input.value) {
      // Remote changes arrived during the composition and nothing local was committed.
      let start = input.selectionStart ?? 0;
      for (const delta of deltas) {
        start = transformIndex(start, delta);
      }
      input.value = text.toString();
      input.setSelectionRange(start, start);
    }
    shown = input.value;
  };

  text.observe(onTextChange);
  input.addEventListener('input', onInput);
  input.addEventListener('compositionstart', onCompositionStart);
  input.addEventListener('compositionend', onCompositionEnd);
  return () => {
    text.unobserve(onTextChange);
    input.removeEventListener('input', onInput);
    input.removeEventListener('compositionstart', onCompositionStart);
    input.removeEventListener('compositionend', onCompositionEnd);
  };
}
