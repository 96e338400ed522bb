import { type FormEvent, type ReactElement, useId, useState } from 'react';
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
  /** The group the document goes to (the first choice when `groupChoices` are given). */
  readonly groupId: GroupId;
  /** Groups to choose from (the home page's 新建): only groups the person can write in. */
  readonly groupChoices?: readonly { readonly id: GroupId; readonly name: string }[];
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

function GroupChoice({
  choices,
  value,
  onChange,
}: {
  readonly choices: readonly { readonly id: GroupId; readonly name: string }[];
  readonly value: GroupId;
  readonly onChange: (groupId: GroupId) => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field create-group-choice">
      <label htmlFor={id}>{t('create.groupLabel')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(choices.find((each) => each.id === e.target.value)?.id ?? value)}
      >
        {choices.map((each) => (
          <option key={each.id} value={each.id}>
            {each.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A new document of a kind, from its template, inside the group (chosen in the dialog when it
 * is opened from the home page): created on the device at once (offline too) and opened; its
 * registration goes to the server when it can.
 */
export function CreateDocDialog({ groupId, groupChoices, isOpen, onClose }: CreateDocDialogProps): ReactElement {
  const { t } = useTranslation();
  const { workspace } = useAccount();
  const [, navigate] = useLocation();
  const [kind, setKind] = useState<DocKind>(DocKind.proposal);
  const [title, setTitle] = useState('');
  const [chosenGroup, setChosenGroup] = useState<GroupId>(groupId);
  // The group page passes its own group (and stays mounted when another group is opened): only
  // a choice among `groupChoices` that is still offered overrides it.
  const target = groupChoices?.some((each) => each.id === chosenGroup) === true ? chosenGroup : groupId;
  const action = useBusyAction((err) => t('create.failed', { error: errorText(err, t) }));
  // Not cut by the field: kept whole, and the field says by how much it is over.
  const length = title.trim().length;
  const tooLong =
    length > MAX_TITLE_LENGTH
      ? t('common.tooLong', { limit: MAX_TITLE_LENGTH, length, over: length - MAX_TITLE_LENGTH })
      : null;
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (tooLong !== null) {
      return;
    }
    action.run(
      () => workspace.createDocument({ kind, groupId: target, title }),
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
        {groupChoices === undefined || groupChoices.length < 2 ? null : (
          <GroupChoice choices={groupChoices} value={target} onChange={setChosenGroup} />
        )}
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
          error={tooLong}
          onChange={(e) => setTitle(e.target.value)}
        />
        <FormError message={action.error} />
        <DialogActions
          confirmLabel={t('create.submit')}
          onCancel={onClose}
          isDisabled={action.isBusy || tooLong !== null}
        />
      </form>
    </Dialog>
  );
}
