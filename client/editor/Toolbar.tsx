import { type Editor, useEditorState } from '@tiptap/react';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HEADING_LEVELS, type HeadingLevel } from './createExtensions';
import { Icon, type IconName } from './icons';
import { isTouchScreen } from './touchScreen';

const MOD = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform) ? '⌘' : 'Ctrl';

interface ToolbarState {
  readonly block: 'paragraph' | `h${HeadingLevel}`;
  readonly isBold: boolean;
  readonly isItalic: boolean;
  readonly isStrike: boolean;
  readonly isBulletList: boolean;
  readonly isOrderedList: boolean;
  readonly isBlockquote: boolean;
  readonly isInTable: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

function readState(editor: Editor): ToolbarState {
  const level = HEADING_LEVELS.find((l) => editor.isActive('heading', { level: l }));
  return {
    block: level === undefined ? 'paragraph' : `h${level}`,
    isBold: editor.isActive('bold'),
    isItalic: editor.isActive('italic'),
    isStrike: editor.isActive('strike'),
    isBulletList: editor.isActive('bulletList'),
    isOrderedList: editor.isActive('orderedList'),
    isBlockquote: editor.isActive('blockquote'),
    isInTable: editor.isActive('table'),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

interface ButtonProps {
  readonly icon: IconName;
  readonly label: string;
  readonly keys?: string;
  readonly isActive?: boolean;
  readonly isDisabled?: boolean;
  readonly onClick: () => void;
}

function ToolButton({ icon, label, keys, isActive = false, isDisabled = false, onClick }: ButtonProps): ReactElement {
  const { t } = useTranslation();
  const title = keys === undefined || isTouchScreen() ? label : t('toolbar.withShortcut', { label, keys });
  return (
    <button
      type="button"
      className={isActive ? 'tool is-active' : 'tool'}
      title={title}
      aria-label={label}
      aria-pressed={isActive}
      disabled={isDisabled}
      // Keep the editor's selection: a mousedown on the button would move focus away from it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}

function BlockSelect({ editor, block }: { readonly editor: Editor; readonly block: ToolbarState['block'] }) {
  const { t } = useTranslation();
  const setBlock = (value: string): void => {
    const level = HEADING_LEVELS.find((l) => value === `h${l}`);
    const chain = editor.chain().focus();
    (level === undefined ? chain.setParagraph() : chain.setHeading({ level })).run();
  };
  return (
    <select
      className="tool-select"
      aria-label={t('toolbar.paragraph')}
      title={
        isTouchScreen()
          ? undefined
          : `${t('toolbar.heading1')} ${MOD}+Alt+1 · ${t('toolbar.heading2')} ${MOD}+Alt+2 · ${t('toolbar.heading3')} ${MOD}+Alt+3`
      }
      value={block}
      onChange={(event) => setBlock(event.target.value)}
    >
      <option value="paragraph">{t('toolbar.paragraph')}</option>
      <option value="h1">{t('toolbar.heading1')}</option>
      <option value="h2">{t('toolbar.heading2')}</option>
      <option value="h3">{t('toolbar.heading3')}</option>
    </select>
  );
}

function TableTools({ editor }: { readonly editor: Editor }): ReactElement {
  const { t } = useTranslation();
  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => () => {
    command(editor.chain().focus()).run();
  };
  return (
    <div className="tool-group">
      <ToolButton icon="rowAdd" label={t('toolbar.addRow')} onClick={run((c) => c.addRowAfter())} />
      <ToolButton icon="colAdd" label={t('toolbar.addColumn')} onClick={run((c) => c.addColumnAfter())} />
      <ToolButton icon="rowDelete" label={t('toolbar.deleteRow')} onClick={run((c) => c.deleteRow())} />
      <ToolButton icon="colDelete" label={t('toolbar.deleteColumn')} onClick={run((c) => c.deleteColumn())} />
      <ToolButton icon="tableDelete" label={t('toolbar.deleteTable')} onClick={run((c) => c.deleteTable())} />
    </div>
  );
}

/**
 * Comments on the selected passage (Ctrl+Alt+M, as in WPS and Google Docs). Outside the editing
 * tools: a reader whose content is read-only may still comment (P9).
 */
function CommentButton({ onComment }: { readonly onComment: () => void }): ReactElement {
  const { t } = useTranslation();
  const keys = `${MOD}+Alt+M`;
  return (
    <div className="tool-group toolbar-comment">
      <button
        type="button"
        className="tool tool-labelled"
        title={isTouchScreen() ? undefined : t('toolbar.withShortcut', { label: t('comments.addComment'), keys })}
        aria-keyshortcuts="Control+Alt+M"
        // Keep the selection: a mousedown on the button would clear it in a read-only editor.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onComment}
      >
        <Icon name="comment" />
        <span>{t('comments.addComment')}</span>
      </button>
    </div>
  );
}

export interface ToolbarProps {
  /** More buttons in their own group (inserting photos and attachments). */
  readonly tools?: ReactNode;
  readonly editor: Editor;
  readonly isEditable: boolean;
  /** Opens a comment on the selection; no comment button without it. */
  readonly onComment?: () => void;
}

/** The formatting toolbar, like the ones of 腾讯文档 and WPS: history, block type, marks, lists, table. */
export function Toolbar({ editor, isEditable, onComment, tools }: ToolbarProps) {
  const { t } = useTranslation();
  const state = useEditorState({ editor, selector: ({ editor: e }) => readState(e) });
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-inner">
        <fieldset className="toolbar-edit" disabled={!isEditable}>
          <div className="tool-group">
            <ToolButton
              icon="undo"
              label={t('toolbar.undo')}
              keys={`${MOD}+Z`}
              isDisabled={!state.canUndo}
              onClick={() => chain().undo().run()}
            />
            <ToolButton
              icon="redo"
              label={t('toolbar.redo')}
              keys={`${MOD}+Shift+Z`}
              isDisabled={!state.canRedo}
              onClick={() => chain().redo().run()}
            />
          </div>
          <div className="tool-group">
            <BlockSelect editor={editor} block={state.block} />
          </div>
          <div className="tool-group">
            <ToolButton
              icon="bold"
              label={t('toolbar.bold')}
              keys={`${MOD}+B`}
              isActive={state.isBold}
              onClick={() => chain().toggleBold().run()}
            />
            <ToolButton
              icon="italic"
              label={t('toolbar.italic')}
              keys={`${MOD}+I`}
              isActive={state.isItalic}
              onClick={() => chain().toggleItalic().run()}
            />
            <ToolButton
              icon="strike"
              label={t('toolbar.strike')}
              keys={`${MOD}+Shift+S`}
              isActive={state.isStrike}
              onClick={() => chain().toggleStrike().run()}
            />
          </div>
          <div className="tool-group">
            <ToolButton
              icon="bulletList"
              label={t('toolbar.bulletList')}
              keys={`${MOD}+Shift+8`}
              isActive={state.isBulletList}
              onClick={() => chain().toggleBulletList().run()}
            />
            <ToolButton
              icon="orderedList"
              label={t('toolbar.orderedList')}
              keys={`${MOD}+Shift+7`}
              isActive={state.isOrderedList}
              onClick={() => chain().toggleOrderedList().run()}
            />
            <ToolButton
              icon="quote"
              label={t('toolbar.blockquote')}
              keys={`${MOD}+Shift+B`}
              isActive={state.isBlockquote}
              onClick={() => chain().toggleBlockquote().run()}
            />
          </div>
          <div className="tool-group">
            <ToolButton
              icon="table"
              label={t('toolbar.insertTable')}
              isDisabled={state.isInTable}
              onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
            />
          </div>
          {state.isInTable ? <TableTools editor={editor} /> : null}
          {tools === undefined || tools === null ? null : <div className="tool-group">{tools}</div>}
        </fieldset>
        {onComment === undefined ? null : <CommentButton onComment={onComment} />}
      </div>
    </div>
  );
}
