import type { RosterProblem, RosterProblemCode } from '../../shared/api/schemas';
import { COLUMN_LABELS, ROLE_HINT, type RosterColumn } from './rosterVocabulary';

type Params = Readonly<Record<string, string | number>>;

const EXPECTED_HEADER = Object.values(COLUMN_LABELS).join(', ');

/** The English wording of each problem, for the CLI, logs and scripts; the app words the code itself. */
const MESSAGES: Record<RosterProblemCode, (p: Params) => string> = {
  unreadable: (p) => String(p.reason ?? 'the file is not UTF-8 or GBK text'),
  csv_syntax: (p) => `the line is not valid CSV (${String(p.reason ?? 'unreadable')})`,
  empty_file: () => `the file is empty: the first line must name the columns ${EXPECTED_HEADER}`,
  missing_columns: (p) =>
    `the header lacks the columns ${String(p.columns)}: the first line must name the columns ${EXPECTED_HEADER}, separated by commas`,
  repeated_columns: (p) => `the header names ${String(p.columns)} more than once`,
  no_people: () => 'the file has a header but no people: add one line per person below it',
  name_invalid: (p) =>
    p.value === ''
      ? '姓名 (name) is empty'
      : `姓名 (name) "${String(p.value)}" is longer than ${String(p.max)} characters`,
  username_invalid: (p) =>
    `用户名 (username) "${String(p.value)}" is not valid: use 2-32 lowercase letters, digits, ".", "_" or "-", or leave it empty to make one from the name`,
  username_repeated: (p) => `用户名 (username) "${String(p.value)}" is already used on line ${String(p.line)}`,
  username_taken: (p) =>
    `用户名 (username) "${String(p.value)}" is already taken by another existing account: choose another one, or leave it empty`,
  role_unknown: (p) => `角色 (role) "${String(p.value)}" is unknown: use ${ROLE_HINT}`,
  group_invalid: (p) => `小组 (group) "${String(p.value)}" is not a valid group name`,
  extra_cells: (p) =>
    `the line has ${String(p.cells)} cells but the header only ${String(p.width)}: put several groups in one cell, in quotes, or separate them with "；" or "、"`,
  too_many_people: (p) =>
    `one import takes at most ${String(p.max)} people: split the file and import the rest separately`,
};

/** A refused roster line: a code for the app to word, its parameters, and an English message. */
export function rosterProblem(
  line: number,
  code: RosterProblemCode,
  params: Params = {},
  field?: RosterColumn,
): RosterProblem {
  return {
    line,
    code,
    ...(field === undefined ? {} : { field }),
    params: { ...params },
    message: MESSAGES[code](params),
  };
}
