import { type FormEvent, type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH } from '../../../shared';
import { getServices } from '../../app/services';
import { toError } from '../../lib/toError';
import type { ListedDoc } from './mergeDocLists';
import { NotOnDeviceError, renameDocument } from './renameDocument';

export interface RenameDialogProps {
  /** The document to rename; the dialog is open while this is set. */
  readonly doc: ListedDoc | null;
  readonly onClose: () => void;
}

export function RenameDialog({ doc, onClose }: RenameDialogProps): ReactElement {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (doc !== null && dialog !== null && !dialog.open) {
      setDraft(doc.title);
      setError(null);
      dialog.showModal();
    }
  }, [doc]);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (doc === null) {
      return;
    }
    setBusy(true);
    renameDocument(getServices(), doc.id, draft).then(
      () => {
        setBusy(false);
        dialogRef.current?.close();
      },
      (err: unknown) => {
        setBusy(false);
        setError(
          err instanceof NotOnDeviceError
            ? t('rename.notOnDevice')
            : t('rename.failed', { error: toError(err).message }),
        );
      },
    );
  };
  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="rename-title" onClose={onClose}>
      <form onSubmit={onSubmit}>
        <h2 id="rename-title">{t('rename.heading')}</h2>
        <label className="field">
          <span>{t('rename.label')}</span>
          <input value={draft} maxLength={MAX_TITLE_LENGTH} onChange={(e) => setDraft(e.target.value)} />
        </label>
        {error === null ? null : <p className="form-error">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
            {t('rename.cancel')}
          </button>
          <button type="submit" className="button is-primary" disabled={isBusy}>
            {t('rename.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
