import type { Editor } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import type { TFunction } from 'i18next';
import { type ChangeEvent, type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { DocId } from '../../../shared';
import { type DocFiles, FileRefusedError } from '../../core/files';
import { insertFileNode } from '../../editor/fileNodes';
import { Icon } from '../../editor/icons';
import { pastedPictures } from './pastedFiles';

const ATTACHMENT_ACCEPT =
  '.pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface InsertFileToolsProps {
  readonly editor: Editor;
  readonly doc: Y.Doc;
  readonly docId: DocId;
  readonly files: DocFiles;
  /** Told why a chosen file was not inserted. */
  readonly onProblem: (text: string) => void;
}

type FileKind = 'photo' | 'fileLink';

const kindOfFile = (file: File): FileKind => (file.type.startsWith('image/') ? 'photo' : 'fileLink');

/**
 * 插入图片 (from the gallery or files, or 拍照 with the back camera) and 插入附件 (PDF, DOCX,
 * XLSX): the file is kept on this device and shows at once; it is uploaded when online. A picture
 * pasted alone (a screenshot, a picture copied in WPS) and files dropped on the text go in the
 * same way; pictures a paste from Word or WPS only names by a path on the copier's disk cannot be
 * read by the browser, and the member is told so instead of losing them unseen.
 */
export function InsertFileTools({ editor, doc, docId, files, onProblem }: InsertFileToolsProps): ReactElement {
  const { t } = useTranslation();
  const galleryRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const attachmentRef = useRef<HTMLInputElement>(null);
  const [isMenuOpen, setMenuOpen] = useState(false);
  const [isWorking, setWorking] = useState(false);
  const menuId = useId();

  const insert = async (chosen: readonly File[], kindOf: (file: File) => FileKind): Promise<void> => {
    if (chosen.length === 0) {
      return;
    }
    setWorking(true);
    try {
      for (const file of chosen) {
        try {
          const node =
            kindOf(file) === 'photo'
              ? ({ type: 'photo', attrs: await files.addPhoto(docId, file) } as const)
              : ({ type: 'fileLink', attrs: await files.addAttachment(docId, file) } as const);
          // Preparing a photo takes a moment: the text may have become read-only meanwhile.
          if (!editor.isEditable) {
            break;
          }
          insertFileNode(editor, doc, node);
        } catch (err) {
          onProblem(
            err instanceof FileRefusedError
              ? t(`files.refused.${err.refusal}`, { name: file.name })
              : t('files.refused.not_picture', { name: file.name }),
          );
        }
      }
    } finally {
      setWorking(false);
    }
  };
  const onChange = (kind: FileKind) => (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const chosen = [...(input.files ?? [])];
    input.value = '';
    setMenuOpen(false);
    void insert(chosen, () => kind);
  };

  // Pastes and drops reach the latest render's functions.
  const latest = useRef({ insert, onProblem, t });
  latest.current = { insert, onProblem, t };
  useEffect(() => {
    const key = new PluginKey('pastedFiles');
    editor.registerPlugin(
      new Plugin({
        key,
        props: {
          handlePaste: (_view, event) => onPaste(event, latest.current),
          handleDrop: (view, event, _slice, isMoved) => !isMoved && onDrop(view, event, latest.current),
        },
      }),
    );
    return () => {
      if (!editor.isDestroyed) {
        editor.unregisterPlugin(key);
      }
    };
  }, [editor]);

  return (
    <div className="file-tools">
      <button
        type="button"
        className="tool"
        title={t('files.insertPhoto')}
        aria-label={t('files.insertPhoto')}
        aria-haspopup="menu"
        aria-expanded={isMenuOpen}
        aria-controls={menuId}
        aria-busy={isWorking}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setMenuOpen((open) => !open)}
      >
        <Icon name="image" />
      </button>
      {isMenuOpen ? (
        <div className="file-tools-menu" role="menu" id={menuId}>
          <button type="button" role="menuitem" onClick={() => galleryRef.current?.click()}>
            {t('files.fromGallery')}
          </button>
          <button type="button" role="menuitem" onClick={() => cameraRef.current?.click()}>
            {t('files.takePhoto')}
          </button>
        </div>
      ) : null}
      <button
        type="button"
        className="tool"
        title={t('files.insertFile')}
        aria-label={t('files.insertFile')}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => attachmentRef.current?.click()}
      >
        <Icon name="attach" />
      </button>
      <input
        ref={galleryRef}
        type="file"
        accept="image/*"
        multiple
        hidden
        aria-label={t('files.fromGallery')}
        onChange={onChange('photo')}
      />
      <input
        ref={cameraRef}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        aria-label={t('files.takePhoto')}
        onChange={onChange('photo')}
      />
      <input
        ref={attachmentRef}
        type="file"
        accept={ATTACHMENT_ACCEPT}
        multiple
        hidden
        aria-label={t('files.insertFile')}
        onChange={onChange('fileLink')}
      />
      {isWorking ? (
        <span className="file-tools-working" role="status">
          {t('files.working')}
        </span>
      ) : null}
    </div>
  );
}

interface Handlers {
  readonly insert: (files: readonly File[], kindOf: (file: File) => FileKind) => Promise<void>;
  readonly onProblem: (text: string) => void;
  readonly t: TFunction;
}

/**
 * A picture pasted alone becomes a photo. Text pasted with pictures goes in as usual (the paste
 * cleaner leaves pictures out); the pictures it carries follow it as photos, and those it only
 * names are counted in a notice. Returns whether the paste was handled here.
 */
function onPaste(event: ClipboardEvent, { insert, onProblem, t }: Handlers): boolean {
  const data = event.clipboardData;
  const html = data?.getData('text/html') ?? '';
  if (data === null || html.includes('data-pm-slice')) {
    return false;
  }
  const pictures = pastedPictures(html);
  const pictureFiles = [...data.files].filter((file) => kindOfFile(file) === 'photo');
  if (pictureFiles.length > 0 && !pictures.hasText) {
    void insert(pictureFiles, kindOfFile);
    return true;
  }
  const carried = pictures.inline.map(
    ({ bytes, mediaType }, index) =>
      new File([new Uint8Array(bytes)], t('files.pastedName', { number: index + 1 }), { type: mediaType }),
  );
  // A clipboard file beside text stands for a picture the HTML only names; Excel and WPS 表格 also
  // put a picture of the copied cells there, which is not one the member meant to paste.
  const named = pictureFiles.slice(0, pictures.unreadable);
  const following = [...carried, ...named];
  const lost = pictures.unreadable - named.length;
  if (following.length > 0 || lost > 0) {
    // After the text has gone in, so that the photos follow it.
    setTimeout(() => {
      void insert(following, kindOfFile);
      if (lost > 0) {
        onProblem(t('files.pastedUnreadable', { count: lost }));
      }
    }, 0);
  }
  return false;
}

/** Files dropped on the text go in where they were dropped: pictures as photos, the rest as attachments. */
function onDrop(view: EditorView, event: DragEvent, { insert }: Handlers): boolean {
  const dropped = [...(event.dataTransfer?.files ?? [])];
  if (dropped.length === 0 || !view.editable) {
    return false;
  }
  event.preventDefault();
  const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
  if (at !== null) {
    view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
  }
  void insert(dropped, kindOfFile);
  return true;
}
