import type { z } from 'zod';
import { groupNameSchema, personNameSchema, usernameSchema } from '../../shared/api/schemas';
import type { Role } from '../../shared/index';
import { type CsvRecord, readCsvRecords } from './readCsvRecords';
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
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly groups: readonly string[];
}

/** A refused line: 1-based, counting the header; the message says what to fix. */
export interface RosterProblem {
  readonly line: number;
  readonly message: string;
}

export interface ParsedRoster {
  readonly rows: readonly RosterRow[];
  readonly problems: readonly RosterProblem[];
}

type ColumnIndex = Record<RosterColumn, number>;

const EXPECTED_HEADER = ROSTER_COLUMNS.map((column) => COLUMN_LABELS[column]).join(', ');

function refused(line: number, message: string): ParsedRoster {
  return { rows: [], problems: [{ line, message }] };
}

function readHeader(header: CsvRecord): { index: ColumnIndex } | { problem: RosterProblem } {
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
  const messages: string[] = [];
  if (missing.length > 0) {
    messages.push(`the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  if (repeated.length > 0) {
    messages.push(`the header names ${repeated.join(', ')} more than once`);
  }
  if (messages.length > 0) {
    const problem = `${messages.join('; ')}: the first line must name the columns ${EXPECTED_HEADER}, separated by commas`;
    return { problem: { line: header.line, message: problem } };
  }
  return { index: Object.fromEntries(found) as ColumnIndex };
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'is not valid';
}

/** Validates one record; returns the row or everything wrong with it. */
function readRow(record: CsvRecord, index: ColumnIndex, width: number): RosterRow | string[] {
  const cell = (column: RosterColumn): string => record.cells[index[column]] ?? '';
  const errors: string[] = [];

  const name = personNameSchema.safeParse(cell('name'));
  if (!name.success) {
    errors.push(`姓名 (name) ${firstIssue(name.error)}`);
  }
  const usernameText = cell('username').trim();
  const username = usernameSchema.safeParse(usernameText);
  if (!username.success) {
    errors.push(
      usernameText === ''
        ? '用户名 (username) is empty: give each person a login name such as zhangsan'
        : `用户名 (username) "${usernameText}" is not valid: ${firstIssue(username.error)}`,
    );
  }
  const role = roleOf(cell('role'));
  if (role === null) {
    errors.push(`角色 (role) "${cell('role').trim()}" is unknown: use ${ROLE_HINT}`);
  }
  const groups = splitGroups(cell('groups'));
  for (const group of groups) {
    const parsed = groupNameSchema.safeParse(group);
    if (!parsed.success) {
      errors.push(`小组 (group) "${group}" ${firstIssue(parsed.error)}`);
    }
  }
  const extra = record.cells.slice(width).filter((text) => text.trim() !== '');
  if (extra.length > 0) {
    errors.push(
      `the line has ${record.cells.length} cells but the header only ${width}: put several groups in one cell, in quotes, or separate them with "；" or "、"`,
    );
  }
  // The checks after the first `||` only narrow the types: each failure above added an error.
  if (errors.length > 0 || !name.success || !username.success || role === null) {
    return errors;
  }
  return { line: record.line, username: username.data, name: name.data, role, groups };
}

/**
 * Reads a roster: a header naming the columns (姓名, 用户名, 角色, 小组 or name, username, role,
 * groups, in any order; other columns are ignored), then one account per line. Every bad line
 * is reported, including a username used twice in the file. Blank lines are skipped.
 */
export function parseRoster(text: string): ParsedRoster {
  const csv = readCsvRecords(text);
  if (!csv.ok) {
    return refused(csv.line, csv.message);
  }
  const records = csv.records.filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  const [header, ...body] = records;
  if (header === undefined) {
    return refused(1, `the file is empty: the first line must name the columns ${EXPECTED_HEADER}`);
  }
  const columns = readHeader(header);
  if ('problem' in columns) {
    return { rows: [], problems: [columns.problem] };
  }
  if (body.length === 0) {
    return refused(header.line, 'the file has a header but no people: add one line per person below it');
  }
  const rows: RosterRow[] = [];
  const problems: RosterProblem[] = [];
  const lineOfUsername = new Map<string, number>();
  for (const record of body) {
    const row = readRow(record, columns.index, header.cells.length);
    if (Array.isArray(row)) {
      problems.push({ line: record.line, message: row.join('; ') });
      continue;
    }
    const earlier = lineOfUsername.get(row.username);
    if (earlier !== undefined) {
      problems.push({
        line: row.line,
        message: `用户名 (username) "${row.username}" is already used on line ${earlier}`,
      });
      continue;
    }
    lineOfUsername.set(row.username, row.line);
    rows.push(row);
  }
  const overLimit = rows[MAX_ROSTER_ACCOUNTS];
  if (overLimit !== undefined) {
    problems.push({
      line: overLimit.line,
      message: `one import takes at most ${MAX_ROSTER_ACCOUNTS} people: split the file and import the rest separately`,
    });
  }
  return { rows, problems };
}
