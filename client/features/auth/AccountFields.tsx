import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../shared/api/schemas';
import { TextField } from '../ui/TextField';
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
  const set = (field: AccountField) => (event: { target: { value: string } }) =>
    onChange({ ...values, [field]: event.target.value });
  return (
    <>
      <TextField
        label={t('auth.name')}
        hint={t('auth.nameHint')}
        error={problemOf('name')}
        name="name"
        autoComplete="name"
        maxLength={MAX_NAME_LENGTH}
        value={values.name}
        onChange={set('name')}
      />
      <TextField
        label={t('auth.username')}
        hint={t('auth.usernameHint')}
        error={problemOf('username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={32}
        value={values.username}
        onChange={set('username')}
      />
      <TextField
        label={t('auth.password')}
        hint={t('auth.passwordHint', min)}
        error={problemOf('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={MAX_PASSWORD_LENGTH}
        value={values.password}
        onChange={set('password')}
      />
      <TextField
        label={t('auth.confirmPassword')}
        error={problemOf('confirm')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        maxLength={MAX_PASSWORD_LENGTH}
        value={values.confirm}
        onChange={set('confirm')}
      />
    </>
  );
}
