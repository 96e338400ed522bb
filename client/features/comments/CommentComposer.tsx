import {
  type KeyboardEvent,
  type ReactElement,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { UserId } from '../../../shared';
import { MAX_COMMENT_LENGTH } from '../../core/comments';
import { isTouchScreen } from '../../editor/touchScreen';
import { insertMention, type MentionCandidate, matchCandidates, mentionAt, mentionsIn } from './mentionText';

/** Most names the picker lists at once; typing more of the name narrows it. */
const MAX_LISTED = 8;

export interface ComposerProps {
  readonly label: string;
  readonly placeholder: string;
  readonly submitLabel: string;
  /** The document group's members, who may be @mentioned. */
  readonly candidates: readonly MentionCandidate[];
  readonly initialText?: string;
  /** Names of the people the initial text mentions, by id. */
  readonly initialMentions?: ReadonlyMap<UserId, string>;
  readonly shouldFocus?: boolean;
  /** Sends the text; returns whether it was accepted (the composer then empties). */
  readonly onSubmit: (text: string, mentions: UserId[]) => boolean;
  readonly onCancel?: () => void;
}

/**
 * A comment field: Ctrl+Enter sends; typing "@" lists the group's members, picked with the arrow
 * keys and Enter (or a click), as in 腾讯文档 and WPS.
 */
export function CommentComposer(props: ComposerProps): ReactElement {
  const { t } = useTranslation();
  const listId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(props.initialText ?? '');
  const [caret, setCaret] = useState(text.length);
  const [picked, setPicked] = useState<ReadonlyMap<UserId, string>>(props.initialMentions ?? new Map());
  const [highlighted, setHighlighted] = useState(0);
  const [isDismissed, setDismissed] = useState(false);
  const pendingCaret = useRef<number | null>(null);
  const mention = mentionAt(text, caret);
  const query = mention?.query ?? null;
  const matches = useMemo(
    () => (query === null ? [] : matchCandidates(props.candidates, query).slice(0, MAX_LISTED)),
    [query, props.candidates],
  );
  const isPicking = mention !== null && !isDismissed;

  const shouldFocus = props.shouldFocus === true;
  useEffect(() => {
    const field = fieldRef.current;
    if (shouldFocus && field !== null) {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
  }, [shouldFocus]);

  useLayoutEffect(() => {
    if (pendingCaret.current !== null) {
      fieldRef.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  const pick = (candidate: MentionCandidate): void => {
    if (mention === null) {
      return;
    }
    const next = insertMention(text, mention, caret, candidate.name);
    setText(next.text);
    setCaret(next.caret);
    pendingCaret.current = next.caret;
    setPicked((current) => new Map(current).set(candidate.id, candidate.name));
    setHighlighted(0);
    fieldRef.current?.focus();
  };

  const submit = (): void => {
    if (text.trim() === '') {
      return;
    }
    if (props.onSubmit(text.trim(), mentionsIn(text, picked))) {
      setText('');
      setCaret(0);
      setPicked(new Map());
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
      return;
    }
    if (!isPicking || event.nativeEvent.isComposing) {
      if (event.key === 'Escape' && props.onCancel !== undefined) {
        event.preventDefault();
        props.onCancel();
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setHighlighted((index) => (matches.length === 0 ? 0 : (index + step + matches.length) % matches.length));
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const candidate = matches[highlighted];
      if (candidate !== undefined) {
        event.preventDefault();
        pick(candidate);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(true);
    }
  };

  const activeOption = isPicking && matches[highlighted] !== undefined ? `${listId}-${highlighted}` : undefined;
  return (
    <div className="comment-composer">
      <textarea
        ref={fieldRef}
        className="comment-field"
        aria-label={props.label}
        placeholder={props.placeholder}
        value={text}
        maxLength={MAX_COMMENT_LENGTH}
        rows={2}
        role="combobox"
        aria-expanded={isPicking}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setDismissed(false);
          setHighlighted(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {isPicking ? (
        <div className="mention-list" id={listId} role="listbox" aria-label={t('comments.mentionList')}>
          {matches.length === 0 ? <div className="mention-empty">{t('comments.noMatch')}</div> : null}
          {matches.map((candidate, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keys act in the field (aria-activedescendant)
            <div
              key={candidate.id}
              id={`${listId}-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === highlighted}
              className={index === highlighted ? 'mention-option is-highlighted' : 'mention-option'}
              // Keep the focus (and the caret) in the field.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(candidate)}
            >
              <span className="comment-avatar" aria-hidden="true">
                {candidate.name.charAt(0)}
              </span>
              {candidate.name}
            </div>
          ))}
        </div>
      ) : null}
      <div className="comment-composer-actions">
        {/* No keyboard hint on a touch screen, where nobody has the keys. */}
        <span className="comment-hint">{isTouchScreen() ? null : t('comments.sendHint')}</span>
        {props.onCancel === undefined ? null : (
          <button type="button" className="button is-small is-quiet" onClick={props.onCancel}>
            {t('comments.cancel')}
          </button>
        )}
        <button type="button" className="button is-small is-primary" disabled={text.trim() === ''} onClick={submit}>
          {props.submitLabel}
        </button>
      </div>
    </div>
  );
}
