import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NAME_LENGTH, MIN_PASSWORD_LENGTH } from '../../../shared/domain/limits';
import { TextField } from '../../ui/TextField';
import { PasswordField } from './PasswordField';
import { UsernameField } from './UsernameField';
import type { AccountField, AccountProblems, AccountValues } from './validateAccount';

export interface AccountFieldsProps {
  readonly values: AccountValues;
  readonly onChange: (values: AccountValues) => void;
  /** Problems to show, only after a first attempt to send. */
  readonly problems: AccountProblems;
}

/** Name, username, password and its confirmation of a new account, each with its hint or problem. */
export function AccountFields({ values, onChange, problems }: AccountFieldsProps): ReactElement {
  const { t } = useTranslation();
  const min = { min: MIN_PASSWORD_LENGTH };
  const problemOf = (field: AccountField): string | null => {
    const key = problems[field];
    return key === undefined ? null : t(key, min);
  };
  const bind = (field: AccountField) => ({
    name: field,
    error: problemOf(field),
    value: values[field],
    onChange: (event: { target: { value: string } }) => onChange({ ...values, [field]: event.target.value }),
  });
  return (
    <>
      <TextField
        label={t('auth.name')}
        hint={t('auth.nameHint')}
        autoComplete="name"
        maxLength={MAX_NAME_LENGTH}
        {...bind('name')}
      />
      <UsernameField hint={t('auth.usernameHint')} maxLength={32} {...bind('username')} />
      <PasswordField
        label={t('auth.password')}
        hint={t('auth.passwordHint', min)}
        autoComplete="new-password"
        {...bind('password')}
      />
      <PasswordField label={t('auth.confirmPassword')} autoComplete="new-password" {...bind('confirm')} />
    </>
  );
}
