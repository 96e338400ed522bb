import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import { getServices } from '../../app/services';
import { errorText } from '../../ui/errorText';
import { NameDialog } from '../../ui/NameDialog';
import { NotOnDeviceError, renameDocument } from './renameDocument';

export interface RenameDialogProps {
  /** The document to rename; the dialog is open while this is set. */
  readonly doc: DocRecord | null;
  readonly onClose: () => void;
}

/** Renames a document by editing its collaborative title (works offline for documents on the device). */
export function RenameDialog({ doc, onClose }: RenameDialogProps): ReactElement {
  const { t } = useTranslation();
  return (
    <NameDialog
      isOpen={doc !== null}
      title={t('rename.heading')}
      label={t('rename.label')}
      initial={doc?.title ?? ''}
      maxLength={MAX_TITLE_LENGTH}
      isEmptyAllowed
      onSubmit={async (title) => {
        if (doc !== null) {
          await renameDocument(getServices(), doc.id, title);
        }
      }}
      toErrorText={(err) => (err instanceof NotOnDeviceError ? t('rename.notOnDevice') : errorText(err, t))}
      onClose={onClose}
    />
  );
}
