import type { Role } from '../../shared/index';
import type { AccountStore } from '../storage/AccountStore';
import { hashPasswords } from './hashPasswords';
import { oneTimePassword } from './oneTimePassword';

export interface NewAccount {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly groupNames: readonly string[];
}

export interface CreatedAccounts {
  /** The one-time password of each account, in the order given. */
  readonly passwords: string[];
  /** Their hashes, in the same order. */
  readonly hashes: string[];
  /** Names of the groups that did not exist before. */
  readonly createdGroups: string[];
}

/**
 * Creates accounts with one-time passwords, and the groups they name, in one transaction
 * (`AccountStore.importRoster`): all of them or, when a username is taken, none.
 */
export async function createAccounts(
  accounts: Pick<AccountStore, 'importRoster'>,
  plan: { readonly groupNames: readonly string[]; readonly accounts: readonly NewAccount[] },
  hashPassword: (password: string) => Promise<string>,
): Promise<CreatedAccounts> {
  const passwords = plan.accounts.map(() => oneTimePassword());
  const hashes = await hashPasswords(passwords, hashPassword);
  const { createdGroups } = await accounts.importRoster({
    groupNames: [...plan.groupNames],
    accounts: plan.accounts.map((account, index) => ({
      username: account.username,
      name: account.name,
      role: account.role,
      passwordHash: hashes[index] ?? '',
      groupNames: [...account.groupNames],
    })),
  });
  return { passwords, hashes, createdGroups };
}
