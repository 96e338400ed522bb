import { type ReactElement, useRef, useState } from 'react';

interface FieldTextProps {
  readonly id: string;
  readonly value: string;
  readonly maxLength: number;
  readonly isEditable: boolean;
  readonly title: string;
  readonly isMultiline: boolean;
  /** Called with each committed text: every keystroke, and once when an IME composition ends. */
  readonly onCommit: (text: string) => void;
}

/**
 * A text field of 基本信息. While an IME composes (pinyin), the field keeps its own text and writes
 * nothing: the document never holds half-typed pinyin, and a remote change arriving meanwhile
 * does not replace the text under the composition (RELIABILITY C7). The composed text is written
 * when the composition ends.
 */
export function FieldText(props: FieldTextProps): ReactElement {
  const [composing, setComposing] = useState<string | null>(null);
  // Read by the handlers: an input event may follow compositionend before React renders again.
  const isComposing = useRef(false);
  const common = {
    id: props.id,
    value: composing ?? props.value,
    maxLength: props.maxLength,
    readOnly: !props.isEditable,
    title: props.title,
    onCompositionStart: () => {
      isComposing.current = true;
      setComposing(props.value);
    },
    onCompositionEnd: (event: { currentTarget: { value: string } }) => {
      isComposing.current = false;
      setComposing(null);
      props.onCommit(event.currentTarget.value);
    },
    onChange: (event: { target: { value: string } }) => {
      if (isComposing.current) {
        setComposing(event.target.value);
      } else {
        props.onCommit(event.target.value);
      }
    },
  };
  return props.isMultiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />;
}
