import type { ReactElement } from 'react';
import { MAX_PASSWORD_LENGTH } from '../../../shared/domain/limits';
import { TextField, type TextFieldProps } from '../../ui/TextField';

export interface PasswordFieldProps extends Omit<TextFieldProps, 'type' | 'maxLength' | 'autoComplete'> {
  /** Tells password managers whether to fill in the saved password or offer a new one. */
  readonly autoComplete: 'current-password' | 'new-password';
}

/** A masked password input, no longer than the server accepts. */
export function PasswordField(props: PasswordFieldProps): ReactElement {
  return <TextField type="password" maxLength={MAX_PASSWORD_LENGTH} {...props} />;
}
