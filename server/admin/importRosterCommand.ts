import { readFile } from 'node:fs/promises';
import { toError } from '../logger';
import { importRoster } from '../roster/importRoster';
import { type AdminContext, AdminRefusal } from './AdminIo';
import { formatAccountTable } from './formatAccountTable';

async function readRosterFile(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (thrown) {
    const error = toError(thrown) as NodeJS.ErrnoException;
    const reason = error.code === 'ENOENT' ? 'there is no such file' : error.message;
    throw new AdminRefusal(`Cannot read the roster ${file}: ${reason}.`);
  }
}

/**
 * Imports a roster file and prints each account with its one-time password, or, when any line is
 * bad, every bad line (and imports nothing).
 */
export async function importRosterCommand(context: AdminContext, file: string): Promise<void> {
  const bytes = await readRosterFile(file);
  const outcome = await importRoster(context.accounts, bytes, {
    hashPassword: (password) => context.hashPassword(password),
  });
  if (!outcome.ok) {
    const count = outcome.problems.length;
    const lines = outcome.problems.map((problem) => `  line ${problem.line}: ${problem.message}`);
    throw new AdminRefusal(
      [`Nothing was imported: ${count} problem${count > 1 ? 's' : ''} in ${file} to fix.`, ...lines].join('\n'),
    );
  }
  const { accounts, createdGroups, skipped } = outcome.result;
  const { out } = context.io;
  out(`Imported ${accounts.length} account${accounts.length === 1 ? '' : 's'} from ${file}.`);
  if (skipped.length > 0) {
    const names = skipped.map((person) => `${person.name} (${person.username})`).join('、');
    out(`Skipped ${skipped.length} who have an account already: ${names}`);
  }
  if (createdGroups.length > 0) {
    out(`New groups: ${createdGroups.join('、')}`);
  }
  if (accounts.length === 0) {
    return;
  }
  out('');
  const handed = accounts.map((account) => ({ ...account, password: account.oneTimePassword }));
  for (const line of formatAccountTable(handed, '一次性密码 password')) {
    out(line);
  }
  out('');
  out('Hand each person their username and one-time password, in person or by phone. After the');
  out('first sign-in they choose their own password. These passwords are not stored anywhere and');
  out('are not shown again: keep this list until everyone has signed in, then destroy it.');
}
