import { type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

type TitleInput = HTMLTextAreaElement;

/** Shows `value` in the input; a focused input keeps its selection, moved through `delta`. */
function showRemote(input: TitleInput, value: string, delta: TextDelta): void {
  if (document.activeElement !== input) {
    input.value = value;
    return;
  }
  const start = transformIndex(input.selectionStart ?? 0, delta);
  const end = transformIndex(input.selectionEnd ?? 0, delta);
  input.value = value;
  input.setSelectionRange(start, Math.max(start, end));
}

/** Grows or shrinks the field to its wrapped lines, so a long title is read whole, not cut off. */
function fitHeight(input: TitleInput): void {
  input.style.height = 'auto';
  input.style.height = `${input.scrollHeight}px`;
}

/**
 * A title is one line of text: line breaks pasted in become spaces (Enter itself moves on to the
 * body). Keeps the caret where it was.
 */
function flattenLines(input: TitleInput): void {
  if (!/[\r\n]/.test(input.value)) {
    return;
  }
  const caret = input.selectionStart ?? input.value.length;
  input.value = input.value.replace(/\r\n?|\n/g, ' ');
  input.setSelectionRange(caret, caret);
}

/**
 * The collaborative title: local typing becomes minimal changes of the Y.Text; remote changes
 * are shown at once, keeping the caret, except during an IME composition, when they wait for
 * compositionend (changing the input under a composition breaks it, C7). It wraps onto as many
 * lines as it needs. A title over MAX_TITLE_LENGTH is kept whole (nothing typed is dropped) and
 * the field says by how much it is over, instead of cutting it silently.
 */
export function TitleField({ text, isEditable, placeholder, label, onEnter }: TitleFieldProps): ReactElement {
  const { t } = useTranslation();
  const inputRef = useRef<TitleInput>(null);
  const messageId = useId();
  const [length, setLength] = useState(() => text.length);
  useEffect(() => {
    const input = inputRef.current;
    return input === null ? undefined : bindTitle(input, text, setLength);
  }, [text]);
  const isTooLong = length > MAX_TITLE_LENGTH;
  return (
    <>
      <textarea
        ref={inputRef}
        className="doc-title"
        rows={1}
        aria-label={label}
        aria-invalid={isTooLong}
        aria-describedby={isTooLong ? messageId : undefined}
        placeholder={placeholder}
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
      {isTooLong ? (
        <p id={messageId} className="doc-title-limit" role="alert">
          {t('docTitle.tooLong', { limit: MAX_TITLE_LENGTH, length, over: length - MAX_TITLE_LENGTH })}
        </p>
      ) : null}
    </>
  );
}

/**
 * Wires an input to a Y.Text, telling `onLength` the title's length after each change; returns
 * the function that unwires it.
 */
function bindTitle(input: TitleInput, text: Y.Text, onLength: (length: number) => void): () => void {
  const origin = { source: 'title-input' };
  let shown = text.toString();
  let isComposing = false;
  let held: TextDelta[] = [];
  input.value = shown;
  fitHeight(input);
  const settled = (): void => {
    fitHeight(input);
    onLength(input.value.length);
  };

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
    settled();
  };
  const commitLocal = (deltas: readonly TextDelta[]): void => {
    flattenLines(input);
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
    settled();
  };
  const onInput = (event: Event): void => {
    if (!isComposing && !(event instanceof InputEvent && event.isComposing)) {
      commitLocal([]);
    } else {
      fitHeight(input);
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
    settled();
  };
  // The width changes with the window (a phone turned, a side panel opened): wrap again.
  const resizes = new ResizeObserver(() => fitHeight(input));
  resizes.observe(input);

  text.observe(onTextChange);
  input.addEventListener('input', onInput);
  input.addEventListener('compositionstart', onCompositionStart);
  input.addEventListener('compositionend', onCompositionEnd);
  return () => {
    resizes.disconnect();
    text.unobserve(onTextChange);
    input.removeEventListener('input', onInput);
    input.removeEventListener('compositionstart', onCompositionStart);
    input.removeEventListener('compositionend', onCompositionEnd);
  };
}
