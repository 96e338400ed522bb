import {
  groupNameSchema,
  MAX_GROUP_NAME_LENGTH,
  MAX_NAME_LENGTH,
  personNameSchema,
  type RosterProblem,
  usernameSchema,
} from '../../shared/api/schemas';
import type { Role } from '../../shared/index';
import { type CsvRecord, readCsvRecords } from './readCsvRecords';
import { rosterProblem } from './rosterProblem';
import {
  COLUMN_LABELS,
  columnOf,
  ROLE_HINT,
  ROSTER_COLUMNS,
  type RosterColumn,
  roleOf,
  splitGroups,
} from './rosterVocabulary';

/**
 * Most accounts one import creates. Each gets a password hashed with scrypt (tens of
 * milliseconds each), so a larger file would keep the request busy for minutes; a city
 * committee has a few hundred members.
 */
export const MAX_ROSTER_ACCOUNTS = 1_000;

/** One account a roster asks for, with the line it is on. */
export interface RosterRow {
  readonly line: number;
  /** Null when the cell was empty: one is made from the name (see usernameFromName). */
  readonly username: string | null;
  readonly name: string;
  readonly role: Role;
  readonly groups: readonly string[];
}

export type { RosterProblem };

export interface ParsedRoster {
  readonly rows: readonly RosterRow[];
  readonly problems: readonly RosterProblem[];
}

type ColumnIndex = Record<RosterColumn, number>;

function readHeader(header: CsvRecord): { index: ColumnIndex } | { problems: RosterProblem[] } {
  const found = new Map<RosterColumn, number>();
  const repeated: string[] = [];
  header.cells.forEach((cell, index) => {
    const column = columnOf(cell.replace(/^\uFEFF/, ''));
    if (column === null) {
      return;
    }
    if (found.has(column)) {
      repeated.push(COLUMN_LABELS[column]);
    } else {
      found.set(column, index);
    }
  });
  const missing = ROSTER_COLUMNS.filter((column) => !found.has(column)).map((column) => COLUMN_LABELS[column]);
  const problems: RosterProblem[] = [];
  if (missing.length > 0) {
    problems.push(rosterProblem(header.line, 'missing_columns', { columns: missing.join(', ') }));
  }
  if (repeated.length > 0) {
    problems.push(rosterProblem(header.line, 'repeated_columns', { columns: repeated.join(', ') }));
  }
  return problems.length > 0 ? { problems } : { index: Object.fromEntries(found) as ColumnIndex };
}

/** Validates one record; returns the row or everything wrong with it. */
function readRow(record: CsvRecord, index: ColumnIndex, width: number): RosterRow | RosterProblem[] {
  const cell = (column: RosterColumn): string => record.cells[index[column]] ?? '';
  const { line } = record;
  const problems: RosterProblem[] = [];

  const name = personNameSchema.safeParse(cell('name'));
  if (!name.success) {
    problems.push(rosterProblem(line, 'name_invalid', { value: cell('name').trim(), max: MAX_NAME_LENGTH }, 'name'));
  }
  const usernameText = cell('username').trim();
  const username = usernameText === '' ? null : usernameSchema.safeParse(usernameText);
  if (username !== null && !username.success) {
    problems.push(rosterProblem(line, 'username_invalid', { value: usernameText }, 'username'));
  }
  const role = roleOf(cell('role'));
  if (role === null) {
    problems.push(rosterProblem(line, 'role_unknown', { value: cell('role').trim(), hint: ROLE_HINT }, 'role'));
  }
  const groups = splitGroups(cell('groups'));
  for (const group of groups) {
    if (!groupNameSchema.safeParse(group).success) {
      problems.push(rosterProblem(line, 'group_invalid', { value: group, max: MAX_GROUP_NAME_LENGTH }, 'groups'));
    }
  }
  const extra = record.cells.slice(width).filter((text) => text.trim() !== '');
  if (extra.length > 0) {
    problems.push(rosterProblem(line, 'extra_cells', { cells: record.cells.length, width }));
  }
  // The checks after the first `||` only narrow the types: each failure above added a problem.
  if (problems.length > 0 || !name.success || (username !== null && !username.success) || role === null) {
    return problems;
  }
  return { line, username: username === null ? null : username.data, name: name.data, role, groups };
}

/**
 * Reads a roster: a header naming the columns (姓名, 用户名, 角色, 小组 or name, username, role,
 * groups, in any order; other columns are ignored), then one account per line. The username may
 * be left empty. Every bad line is reported, including a username used twice in the file. Blank
 * lines are skipped.
 */
export function parseRoster(text: string): ParsedRoster {
  const csv = readCsvRecords(text);
  if (!csv.ok) {
    return { rows: [], problems: [rosterProblem(csv.line, 'csv_syntax', { reason: csv.message })] };
  }
  const records = csv.records.filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  const [header, ...body] = records;
  if (header === undefined) {
    return { rows: [], problems: [rosterProblem(1, 'empty_file')] };
  }
  const columns = readHeader(header);
  if ('problems' in columns) {
    return { rows: [], problems: columns.problems };
  }
  if (body.length === 0) {
    return { rows: [], problems: [rosterProblem(header.line, 'no_people')] };
  }
  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const lineOfUsername = new Map<string, number>();
  for (const record of body) {
    const row = readRow(record, columns.index, header.cells.length);
    if (Array.isArray(row)) {
      problems.push(...row);
      continue;
    }
    const earlier = row.username === null ? undefined : lineOfUsername.get(row.username);
    if (earlier !== undefined) {
      problems.push(
        rosterProblem(row.line, 'username_repeated', { value: row.username ?? '', line: earlier }, 'username'),
      );
      continue;
    }
    if (row.username !== null) {
      lineOfUsername.set(row.username, row.line);
    }
    rows.push(row);
  }
  const overLimit = rows[MAX_ROSTER_ACCOUNTS];
  if (overLimit !== undefined) {
    problems.push(rosterProblem(overLimit.line, 'too_many_people', { max: MAX_ROSTER_ACCOUNTS }));
  }
  return { rows, problems };
}
