import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { DOC_KINDS, DocKind, type GroupId, MAX_TITLE_LENGTH } from '../../../shared';
import { Dialog } from '../../ui/Dialog';
import { DialogActions } from '../../ui/DialogActions';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useAccount } from '../../ui/services/useServices';
import { TextField } from '../../ui/TextField';
import { useBusyAction } from '../../ui/useBusyAction';

export interface CreateDocDialogProps {
  readonly groupId: GroupId;
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

/**
 * A new document of a kind, from its template, inside the group: created on the device at once
 * (offline too) and opened; its registration goes to the server when it can.
 */
export function CreateDocDialog({ groupId, isOpen, onClose }: CreateDocDialogProps): ReactElement {
  const { t } = useTranslation();
  const { workspace } = useAccount();
  const [, navigate] = useLocation();
  const [kind, setKind] = useState<DocKind>(DocKind.proposal);
  const [title, setTitle] = useState('');
  const action = useBusyAction((err) => t('create.failed', { error: errorText(err, t) }));
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    action.run(
      () => workspace.createDocument({ kind, groupId, title }),
      (docId) => {
        setTitle('');
        onClose();
        navigate(`/d/${docId}`);
      },
    );
  };
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('create.heading')}>
      <form onSubmit={onSubmit}>
        <p className="dialog-prompt">{t('create.prompt')}</p>
        <fieldset className="kind-grid">
          <legend className="visually-hidden">{t('create.kindLabel')}</legend>
          {DOC_KINDS.map((each) => (
            <label key={each} className={`kind-card kind-${each}`} data-kind={each}>
              <input type="radio" name="kind" value={each} checked={kind === each} onChange={() => setKind(each)} />
              <span className="kind-card-name">{t(`kind.${each}`)}</span>
              <span className="kind-card-hint">{t(`kindHint.${each}`)}</span>
            </label>
          ))}
        </fieldset>
        <TextField
          label={t('create.titleLabel')}
          placeholder={t('create.titlePlaceholder')}
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          onChange={(e) => setTitle(e.target.value)}
        />
        <FormError message={action.error} />
        <DialogActions confirmLabel={t('create.submit')} onCancel={onClose} isDisabled={action.isBusy} />
      </form>
    </Dialog>
  );
}
