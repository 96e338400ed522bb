import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { DocRecord, Workspace } from '../../../shared/api/schemas';
import { docxFileOf, formalDocumentOf, markdownFileOf, photoShasOf, saveFile } from '../../core/export';
import { useAccount } from '../../ui/services/useServices';
import { useFormNames } from './useFormNames';

type ExportKind = 'docx' | 'markdown';

/**
 * 导出: Word, Markdown or print, all from the device's copy of the document (the open Y.Doc and the
 * cached record), so it works offline.
 */
export function ExportMenu(props: {
  readonly doc: Y.Doc;
  readonly record: DocRecord;
  readonly workspace: Workspace;
}): ReactElement {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const names = useFormNames();
  const { files } = useAccount();
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!isOpen) {
      return undefined;
    }
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [isOpen]);

  const exportAs = async (kind: ExportKind) => {
    setOpen(false);
    setError(null);
    try {
      const formal = formalDocumentOf({ ...props, untitled: t('common.untitled'), names });
      // Photos come from the device, else from the server; one that neither has prints as its text.
      const images = await files.photoBytes(props.record.id, photoShasOf(formal.body));
      saveFile(kind === 'docx' ? await docxFileOf(formal, images) : markdownFileOf(formal, images));
    } catch (err) {
      setError(t('export.failed', { error: err instanceof Error ? err.message : String(err) }));
    }
  };
  const print = () => {
    setOpen(false);
    window.print();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the menu from any of its items.
    <div className="export-menu" ref={root} onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="button is-small"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
      >
        {t('export.menu')}
      </button>
      {isOpen ? (
        <div className="export-menu-list" role="menu" aria-label={t('export.menuLabel')}>
          <button type="button" role="menuitem" onClick={() => void exportAs('docx')}>
            {t('export.docx')}
          </button>
          <button type="button" role="menuitem" onClick={() => void exportAs('markdown')}>
            {t('export.markdown')}
          </button>
          <button type="button" role="menuitem" onClick={print}>
            {t('export.print')}
          </button>
        </div>
      ) : null}
      {error === null ? null : (
        <p className="export-menu-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
