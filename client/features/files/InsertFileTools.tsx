import type { Editor } from '@tiptap/core';
import { type ChangeEvent, type ReactElement, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { DocId } from '../../../shared';
import { type DocFiles, FileRefusedError } from '../../core/files';
import { insertFileNode } from '../../editor/fileNodes';
import { Icon } from '../../editor/icons';

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

/**
 * 插入图片 (from the gallery or files, or 拍照 with the back camera) and 插入附件 (PDF, DOCX,
 * XLSX): the file is kept on this device and shows at once; it is uploaded when online.
 */
export function InsertFileTools({ editor, doc, docId, files, onProblem }: InsertFileToolsProps): ReactElement {
  const { t } = useTranslation();
  const galleryRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const attachmentRef = useRef<HTMLInputElement>(null);
  const [isMenuOpen, setMenuOpen] = useState(false);
  const [isWorking, setWorking] = useState(false);
  const menuId = useId();

  const take = async (input: HTMLInputElement, kind: 'photo' | 'fileLink'): Promise<void> => {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    setMenuOpen(false);
    setWorking(true);
    try {
      for (const file of chosen) {
        try {
          if (kind === 'photo') {
            insertFileNode(editor, doc, { type: 'photo', attrs: await files.addPhoto(docId, file) });
          } else {
            insertFileNode(editor, doc, { type: 'fileLink', attrs: await files.addAttachment(docId, file) });
          }
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
  const onChange = (kind: 'photo' | 'fileLink') => (event: ChangeEvent<HTMLInputElement>) =>
    void take(event.currentTarget, kind);

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
