import { type FormEvent, type ReactElement, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import { getServices } from '../../app/services';
import { Dialog } from '../ui/Dialog';
import { errorText } from '../ui/errorText';
import { TextField } from '../ui/TextField';
import { NotOnDeviceError, renameDocument } from './renameDocument';

export interface RenameDialogProps {
  /** The document to rename; the dialog is open while this is set. */
  readonly doc: DocRecord | null;
  readonly onClose: () => void;
}

/** Renames a document by editing its collaborative title (works offline for documents on the device). */
export function RenameDialog({ doc, onClose }: RenameDialogProps): ReactElement {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    setDraft(doc?.title ?? '');
    setError(null);
  }, [doc]);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (doc === null || isBusy) {
      return;
    }
    setBusy(true);
    renameDocument(getServices(), doc.id, draft).then(
      () => {
        setBusy(false);
        onClose();
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof NotOnDeviceError ? t('rename.notOnDevice') : errorText(err, t));
      },
    );
  };
  return (
    <Dialog isOpen={doc !== null} onClose={onClose} title={t('rename.heading')}>
      <form onSubmit={onSubmit}>
        <TextField
          label={t('rename.label')}
          value={draft}
          maxLength={MAX_TITLE_LENGTH}
          onChange={(e) => setDraft(e.target.value)}
          autoFocus
        />
        {error === null ? null : (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button is-primary" disabled={isBusy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
