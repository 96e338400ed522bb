import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../../shared/domain/limits';

export interface AccountValues {
  readonly name: string;
  readonly username: string;
  readonly password: string;
  readonly confirm: string;
}

export type AccountField = keyof AccountValues;

/** What is wrong with each field, as an i18n key; empty when the form may be sent. */
export type AccountProblems = Partial<
  Record<AccountField, 'auth.nameRequired' | 'auth.usernameInvalid' | 'auth.passwordTooShort' | 'auth.passwordMismatch'>
>;

/**
 * Checks a new account the way the server will (shared/api/schemas.ts), so that a person reads
 * what to fix in their language before anything is sent; the username is compared trimmed and
 * lowercased, as the server stores it.
 */
export function validateAccount(values: AccountValues): AccountProblems {
  const problems: AccountProblems = {};
  if (values.name.trim() === '') {
    problems.name = 'auth.nameRequired';
  }
  if (!USERNAME_PATTERN.test(normalizeUsername(values.username))) {
    problems.username = 'auth.usernameInvalid';
  }
  if (values.password.length < MIN_PASSWORD_LENGTH) {
    problems.password = 'auth.passwordTooShort';
  } else if (values.confirm !== values.password) {
    problems.confirm = 'auth.passwordMismatch';
  }
  return problems;
}

/** The username as the server stores it. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}
