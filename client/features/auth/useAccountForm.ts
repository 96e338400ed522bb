import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClientErrorCode, hasErrorCode } from '../../core/errors';
import { errorText } from '../../ui/errorText';
import { type AccountProblems, type AccountValues, normalizeUsername, validateAccount } from './validateAccount';

const EMPTY: AccountValues = { name: '', username: '', password: '', confirm: '' };

export interface AccountForm {
  readonly values: AccountValues;
  readonly setValues: (values: AccountValues) => void;
  /** Shown once the person tried to send the form. */
  readonly problems: AccountProblems;
  readonly error: string | null;
  /** The link was used or has expired (410). */
  readonly isGone: boolean;
  readonly isBusy: boolean;
  readonly onSubmit: (event: FormEvent) => void;
}

/**
 * State of a form that creates an account (setup, joining): checks the fields first, then sends
 * `{ username, name, password }`; a taken username is shown on its field.
 */
export function useAccountForm(
  send: (input: { username: string; name: string; password: string }) => Promise<void>,
  onDone: () => void,
): AccountForm {
  const { t } = useTranslation();
  const [values, setValues] = useState<AccountValues>(EMPTY);
  const [isTried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isGone, setGone] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [taken, setTaken] = useState<string | null>(null);
  const problems: AccountProblems = isTried ? validateAccount(values) : {};
  const usernameTaken = taken !== null && normalizeUsername(values.username) === taken;

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setTried(true);
    if (isBusy || Object.keys(validateAccount(values)).length > 0) {
      return;
    }
    setBusy(true);
    setError(null);
    const username = normalizeUsername(values.username);
    send({ username, name: values.name.trim(), password: values.password }).then(
      () => {
        setBusy(false);
        onDone();
      },
      (err: unknown) => {
        setBusy(false);
        if (hasErrorCode(err, ClientErrorCode.conflict)) {
          setTaken(username);
        } else if (hasErrorCode(err, ClientErrorCode.gone, ClientErrorCode.notFound)) {
          setGone(true);
        } else {
          setError(errorText(err, t));
        }
      },
    );
  };
  return {
    values,
    setValues,
    problems: usernameTaken ? { ...problems, username: undefined } : problems,
    error: usernameTaken ? t('auth.usernameTaken') : error,
    isGone,
    isBusy,
    onSubmit,
  };
}
