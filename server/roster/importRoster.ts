import type { RosterResult } from '../../shared/api/schemas';
import type { AccountStore } from '../storage/AccountStore';
import { WorkspaceConflictError } from '../storage/WorkspaceConflictError';
import { type CreatedAccounts, createAccounts } from './createAccounts';
import { decodeRoster } from './decodeRoster';
import { parseRoster, type RosterProblem, type RosterRow } from './parseRoster';

export interface ImportRosterOptions {
  /** Hashes a one-time password for storage (the server's password hashing). */
  hashPassword(password: string): Promise<string>;
}

/** The accounts created with their one-time passwords, or every bad line of a refused file. */
export type ImportRosterOutcome =
  | { ok: true; result: RosterResult }
  | { ok: false; problems: { line: number; message: string }[] };

function takenProblem(row: RosterRow): RosterProblem {
  return {
    line: row.line,
    message: `用户名 (username) "${row.username}" is already taken by an existing account: choose another one, or remove the line if the person has an account already`,
  };
}

/** Every bad line of the file, including usernames that existing accounts have. */
async function findProblems(
  store: Pick<AccountStore, 'findUserByUsername'>,
  text: string,
): Promise<{ rows: readonly RosterRow[]; problems: RosterProblem[] }> {
  const parsed = parseRoster(text);
  const problems = [...parsed.problems];
  for (const row of parsed.rows) {
    if ((await store.findUserByUsername(row.username)) !== null) {
      problems.push(takenProblem(row));
    }
  }
  return { rows: parsed.rows, problems: problems.sort((a, b) => a.line - b.line) };
}

/**
 * Imports a roster file (see parseRoster for its format): creates the groups not there yet and
 * the accounts, each with a new one-time password, in one transaction. When any line is bad,
 * writes nothing and answers every bad line, so that one corrected file imports cleanly.
 */
export async function importRoster(
  store: Pick<AccountStore, 'findUserByUsername' | 'importRoster'>,
  bytes: Uint8Array,
  options: ImportRosterOptions,
): Promise<ImportRosterOutcome> {
  const decoded = decodeRoster(bytes);
  if (!decoded.ok) {
    return { ok: false, problems: [{ line: 1, message: decoded.message }] };
  }
  const { rows, problems } = await findProblems(store, decoded.text);
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  let created: CreatedAccounts;
  try {
    created = await createAccounts(
      store,
      {
        groupNames: [...new Set(rows.flatMap((row) => row.groups))],
        accounts: rows.map((row) => ({ ...row, groupNames: row.groups })),
      },
      (password) => options.hashPassword(password),
    );
  } catch (thrown) {
    // Someone took a username between the check above and the transaction.
    if (thrown instanceof WorkspaceConflictError && thrown.conflict === 'username') {
      const taken = new Set(thrown.values);
      return { ok: false, problems: rows.filter((row) => taken.has(row.username)).map(takenProblem) };
    }
    throw thrown;
  }
  const accounts = rows.map((row, index) => ({
    line: row.line,
    username: row.username,
    name: row.name,
    role: row.role,
    groups: [...row.groups],
    oneTimePassword: created.passwords[index] ?? '',
  }));
  return { ok: true, result: { accounts, createdGroups: created.createdGroups } };
}
