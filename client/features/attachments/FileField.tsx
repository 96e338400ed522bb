import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentKind, MediaType } from '../../../shared/domain/attachments';
import { ACCEPT, sizeText, uploadMediaType } from './uploadModel';

/** A file chosen to upload, with the type it is sent as. */
export interface ChosenFile {
  readonly file: File;
  readonly mediaType: MediaType;
}

/**
 * A file input for one kind of attachment: it says at once when a file cannot be sent (its type,
 * its size), as the server would refuse it (RULES.md AT2), and what was chosen.
 */
export function FileField(props: {
  readonly kind: AttachmentKind;
  readonly label: string;
  readonly chosen: ChosenFile | null;
  readonly onChosen: (chosen: ChosenFile | null) => void;
  /** Changes to clear the input after an upload. */
  readonly resetKey?: number;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="file-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        key={props.resetKey ?? 0}
        id={id}
        type="file"
        accept={ACCEPT[props.kind]}
        onChange={(event) => {
          const file = event.target.files?.[0] ?? null;
          if (file === null) {
            setProblem(null);
            props.onChosen(null);
            return;
          }
          const checked = uploadMediaType(file, props.kind);
          if (!checked.ok) {
            const extra = props.kind === 'evidence' ? t('attachments.problem.typeExtra') : '';
            setProblem(t(`attachments.problem.${checked.problem}`, { extra }));
            props.onChosen(null);
            return;
          }
          setProblem(null);
          props.onChosen({ file, mediaType: checked.mediaType });
        }}
      />
      {problem === null ? null : (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {props.chosen === null ? null : (
        <small className="case-note">
          {t('attachments.chosen', { name: props.chosen.file.name, size: sizeText(props.chosen.file.size) })}
        </small>
      )}
    </div>
  );
}
