import type { Role } from '../../shared/index';
import { ROLE_LABELS } from '../roster/rosterVocabulary';
import { formatTable } from './formatTable';

/** An account as handed to its person: who they are and the password they first sign in with. */
export interface HandedAccount {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly groups: readonly string[];
  readonly password: string;
}

/**
 * Lines of the account list an operator hands out (roster import, demo), one row per account;
 * `passwordHeading` names the kind of password in the last column.
 */
export function formatAccountTable(accounts: readonly HandedAccount[], passwordHeading: string): string[] {
  const rows = accounts.map((account) => [
    account.username,
    account.name,
    ROLE_LABELS[account.role],
    account.groups.join('、'),
    account.password,
  ]);
  return formatTable(['用户名 username', '姓名 name', '角色 role', '小组 groups', passwordHeading], rows);
}
