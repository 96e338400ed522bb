import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { type ReactElement, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ContentField } from '../../shared';
import { createExtensions, type EditorBinding } from './createExtensions';
import { TitleField } from './TitleField';
import { Toolbar } from './Toolbar';
import { useCompositionHold } from './useCompositionHold';

export interface EditorPaneProps extends EditorBinding {
  readonly isEditable: boolean;
  /** Told when an IME composition in the body starts and when it has settled. */
  readonly onComposingChange?: (isComposing: boolean) => void;
  /** Told the editor once it exists, and null when it goes (comments and reviews act on it). */
  readonly onEditor?: (editor: Editor | null) => void;
}

/** Toolbar, title and body of one document, bound to its Y.Doc; knows nothing of the network. */
export function EditorPane(props: EditorPaneProps): ReactElement {
  const { doc, awareness, identity, isEditable, onComposingChange, onEditor } = props;
  const { t, i18n } = useTranslation();
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
      }),
      editable: isEditable,
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
  return (
    <div className="editor-pane">
      <Toolbar editor={editor} isEditable={isEditable} />
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
