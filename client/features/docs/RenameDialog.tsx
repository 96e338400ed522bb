import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH } from '../../../shared';
import type { DocRecord } from '../../../shared/api/schemas';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { errorText } from '../../ui/errorText';
import { NameDialog } from '../../ui/NameDialog';
import { useAccount } from '../../ui/services/useServices';
import { renameDocument } from './renameDocument';

export interface RenameDialogProps {
  /** The document to rename; the dialog is open while this is set. */
  readonly doc: DocRecord | null;
  readonly onClose: () => void;
}

/** Renames a document by editing its collaborative title (works offline for documents on the device). */
export function RenameDialog({ doc, onClose }: RenameDialogProps): ReactElement {
  const { t } = useTranslation();
  const { rooms, store } = useAccount();
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
          await renameDocument({ rooms, docs: store.docs }, doc.id, title);
        }
      }}
      toErrorText={(err) =>
        hasErrorCode(err, ClientErrorCode.notOnDevice) ? t('rename.notOnDevice') : errorText(err, t)
      }
      onClose={onClose}
    />
  );
}
