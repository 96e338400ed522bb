import type { ReactElement } from 'react';

export interface FormErrorProps {
  /** The sentence to show; nothing is rendered while it is null. */
  readonly message: string | null;
  /** For a form that points at the message with `aria-describedby`. */
  readonly id?: string;
}

/** Why a form or an action failed, announced to screen readers as it appears. */
export function FormError({ message, id }: FormErrorProps): ReactElement | null {
  return message === null ? null : (
    <p id={id} className="form-error" role="alert">
      {message}
    </p>
  );
}
