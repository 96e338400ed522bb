import { Role } from '../../shared/index';

/** The columns a roster must have, by the field they fill. */
export const RosterColumn = {
  name: 'name',
  username: 'username',
  role: 'role',
  groups: 'groups',
} as const;
export type RosterColumn = (typeof RosterColumn)[keyof typeof RosterColumn];

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  RosterColumn.name,
  RosterColumn.username,
  RosterColumn.role,
  RosterColumn.groups,
];

/** The header shown in messages and docs: the Chinese and English names of each column. */
export const COLUMN_LABELS: Record<RosterColumn, string> = {
  name: '姓名 (name)',
  username: '用户名 (username)',
  role: '角色 (role)',
  groups: '小组 (groups)',
};

/** Header texts that name each column, compared after trimming and lowercasing. */
const COLUMN_ALIASES: Record<RosterColumn, readonly string[]> = {
  name: ['姓名', '名字', 'name', 'full name'],
  username: ['用户名', '账号', '帐号', '登录名', 'username', 'user name', 'login'],
  role: ['角色', '身份', 'role'],
  groups: ['小组', '活动小组', '委员活动小组', '所属小组', 'groups', 'group'],
};

/** Role names as a secretariat writes them, compared after trimming and lowercasing. */
const ROLE_ALIASES: ReadonlyMap<string, Role> = new Map<string, Role>([
  ['秘书处', Role.secretariat],
  ['secretariat', Role.secretariat],
  ['主席', Role.chair],
  ['副主席', Role.chair],
  ['chair', Role.chair],
  ['vice-chair', Role.chair],
  ['vice chair', Role.chair],
  ['召集人', Role.convener],
  ['convener', Role.convener],
  ['委员', Role.member],
  ['member', Role.member],
]);

/** The Chinese name of each role, as printed in account lists. */
export const ROLE_LABELS: Record<Role, string> = {
  secretariat: '秘书处',
  chair: '主席',
  convener: '召集人',
  member: '委员',
  unit: '承办单位',
};

/** How each role may be written, for messages. */
export const ROLE_HINT = '秘书处/secretariat, 主席/副主席/chair, 召集人/convener or 委员/member';

/** Separators between group names inside one cell: ASCII and full-width forms, and line breaks (Alt+Enter in Excel). */
const GROUP_SEPARATORS = /[;；、|｜,，\r\n]/;

function normalize(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The column a header cell names; null for a column the import does not use. */
export function columnOf(header: string): RosterColumn | null {
  const key = normalize(header);
  return ROSTER_COLUMNS.find((column) => COLUMN_ALIASES[column].includes(key)) ?? null;
}

/** The role a cell names; an empty cell means a member; null when the text is no role. */
export function roleOf(cell: string): Role | null {
  const key = normalize(cell);
  return key === '' ? Role.member : (ROLE_ALIASES.get(key) ?? null);
}

/** The group names in a cell, trimmed, without empties or repeats, in the order written. */
export function splitGroups(cell: string): string[] {
  const names = cell
    .split(GROUP_SEPARATORS)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return [...new Set(names)];
}
