import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField, type TextFieldProps } from '../../ui/TextField';

export type UsernameFieldProps = Omit<TextFieldProps, 'label'>;

/** The username input: filled in by password managers, never capitalised or spell-checked by the phone. */
export function UsernameField(props: UsernameFieldProps): ReactElement {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('auth.username')}
      name="username"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      {...props}
    />
  );
}
