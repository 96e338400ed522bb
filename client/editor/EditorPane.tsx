import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { type ReactElement, type ReactNode, type RefObject, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ContentField } from '../../shared';
import type { KnownPerson } from '../core/presence';
import type { CommentsSession } from '../core/rooms';
import { attachComments, requestComment } from './comments/editorComments';
import { createExtensions, type EditorBinding } from './createExtensions';
import type { DocFileSource } from './fileNodes';
import { TitleField } from './TitleField';
import { Toolbar } from './Toolbar';
import { useCompositionHold } from './useCompositionHold';

export interface EditorPaneProps extends EditorBinding {
  readonly isEditable: boolean;
  /** Told when an IME composition in the body starts and when it has settled. */
  readonly onComposingChange?: (isComposing: boolean) => void;
  /** Told the editor once it exists, and null when it goes (comments and reviews act on it). */
  readonly onEditor?: (editor: Editor | null) => void;
  /** The document's comments, whose passages the editor marks for as long as it is mounted. */
  readonly comments?: CommentsSession | null;
  /** Whether the person may comment at all (false: a handling unit, P16); true when absent. */
  readonly canComment?: boolean;
  /** People the workspace knows, by user id: remote carets show their names and roles. */
  readonly knownPeople?: ReadonlyMap<string, KnownPerson>;
  /** Where photos and attachments come from; read once, when the editor is built. */
  readonly files?: DocFileSource | null;
  /** More toolbar buttons (inserting photos and attachments), shown while the body is editable. */
  readonly tools?: ReactNode;
}

const NOBODY_KNOWN: ReadonlyMap<string, KnownPerson> = new Map();

/** Ctrl+Alt+M (⌘+Option+M on a Mac), by key position: Option changes the character typed. */
function isCommentShortcut(event: KeyboardEvent): boolean {
  return event.code === 'KeyM' && event.altKey && (event.ctrlKey || event.metaKey) && !event.shiftKey;
}

/**
 * Listens for the comment shortcut on the whole page while the selection or the focus is in this
 * pane: a read-only editor never has the focus, so its own keymap would never see the keys.
 */
function useCommentShortcut(editor: Editor, paneRef: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const pane = paneRef.current;
      const selection = window.getSelection();
      const isHere =
        pane !== null &&
        ((selection !== null && pane.contains(selection.anchorNode)) || pane.contains(document.activeElement));
      if (isHere && isCommentShortcut(event)) {
        event.preventDefault();
        requestComment(editor);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor, paneRef]);
}

/** Toolbar, title and body of one document, bound to its Y.Doc; knows nothing of the network. */
export function EditorPane(props: EditorPaneProps): ReactElement {
  const { doc, awareness, identity, isEditable, onComposingChange, onEditor, comments, canComment } = props;
  // Read when a caret is drawn, so that the editor is not rebuilt when the workspace changes.
  const knownPeople = useRef(props.knownPeople ?? NOBODY_KNOWN);
  knownPeople.current = props.knownPeople ?? NOBODY_KNOWN;
  const { t, i18n } = useTranslation();
  const paneRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  useCompositionHold(bodyRef, onComposingChange);
  const editor = useEditor(
    {
      extensions: createExtensions({
        doc,
        awareness,
        identity,
        sectionHint: (heading) => t('doc.sectionHint', { heading }),
        roleLabel: (role) => t(`role.${role}`),
        typingLabel: t('doc.typing'),
        knownPeople: () => knownPeople.current,
        files: props.files ?? null,
      }),
      editable: isEditable,
      // Its base styles come from client/styles/editor.css: an injected <style> breaks the CSP.
      injectCSS: false,
      editorProps: {
        attributes: { class: 'doc-body', 'aria-label': t('doc.bodyLabel'), spellcheck: 'false' },
      },
    },
    // The identity is read once; later renames reach the caret through the awareness state.
    [doc, awareness, i18n.language],
  );
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);
  useEffect(() => {
    if (editor.isEditable !== isEditable) {
      editor.setEditable(isEditable);
    }
  }, [editor, isEditable]);
  useEffect(
    () => (comments === undefined || comments === null ? undefined : attachComments(editor, comments)),
    [editor, comments],
  );
  useCommentShortcut(editor, paneRef);
  return (
    <div className="editor-pane" ref={paneRef}>
      <Toolbar
        editor={editor}
        isEditable={isEditable}
        tools={props.tools}
        {...(canComment === false ? {} : { onComment: () => requestComment(editor) })}
      />
      <div className="page-scroll">
        <article className="paper">
          <TitleField
            text={doc.getText(ContentField.title)}
            isEditable={isEditable}
            placeholder={t('doc.titlePlaceholder')}
            label={t('doc.titleLabel')}
            onEnter={() => editor.chain().focus('start').run()}
          />
          <div ref={bodyRef}>
            <EditorContent editor={editor} />
          </div>
        </article>
      </div>
    </div>
  );
}
