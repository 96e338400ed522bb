import { type InputHTMLAttributes, type ReactElement, useId } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  readonly label: string;
  /** Help under the field; replaced by `error` when there is one. */
  readonly hint?: string | null;
  readonly error?: string | null;
}

/** A labelled input with its hint or problem under it, tied to the input for screen readers. */
export function TextField({ label, hint, error, className, ...input }: TextFieldProps): ReactElement {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint ?? null;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        aria-invalid={error === null || error === undefined ? undefined : true}
        aria-describedby={note === null ? undefined : noteId}
      />
      {note === null ? null : (
        <small id={noteId} className={error === null || error === undefined ? undefined : 'is-error'}>
          {note}
        </small>
      )}
    </div>
  );
}
