import type { RosterProblem, RosterResult } from '../../shared/api/schemas';
import type { AccountStore, UserRecord } from '../storage/AccountStore';
import { WorkspaceConflictError } from '../storage/WorkspaceConflictError';
import { type CreatedAccounts, createAccounts } from './createAccounts';
import { decodeRoster } from './decodeRoster';
import { parseRoster, type RosterRow } from './parseRoster';
import { rosterProblem } from './rosterProblem';
import { usernameFromName } from './usernameFromName';

export interface ImportRosterOptions {
  /** Hashes a one-time password for storage (the server's password hashing). */
  hashPassword(password: string): Promise<string>;
}

/** The accounts created with their one-time passwords, or every bad line of a refused file. */
export type ImportRosterOutcome = { ok: true; result: RosterResult } | { ok: false; problems: RosterProblem[] };

/** A roster line that will create an account, with its username settled. */
type NewRow = RosterRow & { readonly username: string };

interface Plan {
  readonly create: NewRow[];
  readonly skipped: RosterResult['skipped'];
  readonly problems: RosterProblem[];
}

function takenProblem(row: { line: number; username: string }): RosterProblem {
  return rosterProblem(row.line, 'username_taken', { value: row.username }, 'username');
}

/**
 * Decides each parsed line against the accounts there are. A person who has an account already
 * (the same username and name, or, for a line without a username, an account of the same name)
 * is skipped, so importing one roster twice creates nobody twice. A username another person has
 * is a problem; a missing one is made from the name's pinyin, unique among accounts and lines.
 */
function planRows(rows: readonly RosterRow[], users: readonly UserRecord[]): Plan {
  const byUsername = new Map(users.map((user) => [user.username, user]));
  const given = new Set(rows.flatMap((row) => (row.username === null ? [] : [row.username])));
  const made = new Set<string>();
  const plan: Plan = { create: [], skipped: [], problems: [] };
  for (const row of rows) {
    const existing = row.username === null ? null : (byUsername.get(row.username) ?? null);
    if (existing !== null) {
      if (existing.name === row.name) {
        plan.skipped.push({ line: row.line, username: existing.username, name: existing.name });
      } else {
        plan.problems.push(takenProblem({ line: row.line, username: existing.username }));
      }
      continue;
    }
    if (row.username !== null) {
      plan.create.push({ ...row, username: row.username });
      continue;
    }
    const sameName = users.find((user) => user.name === row.name);
    if (sameName !== undefined) {
      plan.skipped.push({ line: row.line, username: sameName.username, name: sameName.name });
      continue;
    }
    const username = usernameFromName(row.name, (u) => byUsername.has(u) || given.has(u) || made.has(u));
    made.add(username);
    plan.create.push({ ...row, username });
  }
  return plan;
}

/**
 * Imports a roster file (see parseRoster for its format): creates the groups not there yet and
 * the accounts, each with a new one-time password, in one transaction; people who have an
 * account already are skipped and named in the result. When any line is bad, writes nothing and
 * answers every bad line, so that one corrected file imports cleanly.
 */
export async function importRoster(
  store: Pick<AccountStore, 'listUsers' | 'importRoster'>,
  bytes: Uint8Array,
  options: ImportRosterOptions,
): Promise<ImportRosterOutcome> {
  const decoded = decodeRoster(bytes);
  if (!decoded.ok) {
    return { ok: false, problems: [rosterProblem(1, 'unreadable', { reason: decoded.reason })] };
  }
  const parsed = parseRoster(decoded.text);
  const plan = planRows(parsed.rows, await store.listUsers());
  const problems = [...parsed.problems, ...plan.problems].sort((a, b) => a.line - b.line);
  if (problems.length > 0) {
    return { ok: false, problems };
  }
  let created: CreatedAccounts;
  try {
    created = await createAccounts(
      store,
      {
        groupNames: [...new Set(plan.create.flatMap((row) => row.groups))],
        accounts: plan.create.map((row) => ({ ...row, groupNames: row.groups })),
      },
      (password) => options.hashPassword(password),
    );
  } catch (thrown) {
    // Someone took a username between the check above and the transaction.
    if (thrown instanceof WorkspaceConflictError && thrown.conflict === 'username') {
      const taken = new Set(thrown.values);
      return { ok: false, problems: plan.create.filter((row) => taken.has(row.username)).map(takenProblem) };
    }
    throw thrown;
  }
  const accounts = plan.create.map((row, index) => ({
    line: row.line,
    username: row.username,
    name: row.name,
    role: row.role,
    groups: [...row.groups],
    oneTimePassword: created.passwords[index] ?? '',
  }));
  return { ok: true, result: { accounts, createdGroups: created.createdGroups, skipped: plan.skipped } };
}
