import type { RosterProblemCode } from '../../../shared/api/schemas';

/**
 * The secretariat's account management (search, password reset, role and groups, invitations)
 * and the roster import's problems by code: Simplified Chinese (the default), with English under the same keys
 * in the En file beside it, loaded only when chosen. A problem's parameters fill the placeholders ({{value}},
 * {{line}}, …).
 */
export const problemZhCN: Record<RosterProblemCode, string> = {
  unreadable: '无法读取文件：请在 Excel 或 WPS 中“另存为”“CSV UTF-8（逗号分隔）”后再上传',
  csv_syntax: '这一行不是有效的 CSV（可能有未闭合的引号）',
  empty_file: '文件是空的：第一行应为列名：姓名、用户名、角色、小组',
  missing_columns: '表头缺少列：{{columns}}。第一行应为列名：姓名、用户名、角色、小组',
  repeated_columns: '表头中这些列出现了不止一次：{{columns}}',
  no_people: '文件只有表头，没有人员：请在表头下每行填写一人',
  name_invalid: '“姓名”为空或超过 {{max}} 个字',
  username_invalid: '用户名“{{value}}”无效：请用 2–32 位小写字母、数字、“.”“_”或“-”，或留空由系统按姓名拼音生成',
  username_repeated: '用户名“{{value}}”与第 {{line}} 行重复',
  username_taken: '用户名“{{value}}”已被其他人使用：请换一个，或留空由系统生成',
  role_unknown: '角色“{{value}}”无法识别：请填写 秘书处、主席、副主席、召集人 或 委员',
  group_invalid: '小组名称“{{value}}”为空或超过 {{max}} 个字',
  extra_cells: '这一行有 {{cells}} 格，比表头多：多个小组请放在同一格，用“、”或“；”分隔',
  too_many_people: '一次最多导入 {{max}} 人：请把名单拆成几个文件分别导入',
};

export const accountsZhCN = {
  search: '搜索',
  searchPlaceholder: '姓名、用户名或拼音首字母',
  noMatch: '没有找到“{{query}}”。',
  count: '共 {{count}} 人',
  edit: '修改',
  editTitle: '修改 {{name}} 的角色和小组',
  role: '角色',
  groups: '所在小组',
  noGroups: '还没有小组。',
  save: '保存',
  resetPassword: '重置密码',
  resetConfirm:
    '将为 {{name}}（{{username}}）生成新的一次性密码。其所有设备上的登录、API 令牌和正在进行的连接都会立即失效。确定重置吗？',
  resetTitle: '{{name}} 的一次性密码',
  resetDone: '密码已重置。{{name}} 的其他登录已退出，{{count}} 个 API 令牌已失效。',
  resetDoneNoTokens: '密码已重置。{{name}} 的其他登录已退出。',
  resetHand: '请当面或电话告知本人。首次登录后需要设置新密码。此密码只显示这一次，关闭后无法再次查看。',
  oneTimePassword: '一次性密码',
  invitationsTitle: '待使用的邀请链接',
  invitationsEmpty: '没有待使用的邀请链接。',
  colRole: '角色',
  colGroups: '小组或单位',
  colCreated: '创建时间',
  colExpires: '有效期至',
  revokeInvitation: '撤销',
  revokeInvitationConfirm: '撤销后，这个邀请链接将无法再使用。确定撤销吗？',
  skipped: '{{count}} 人已有账号，已跳过：{{names}}',
  importNote:
    '用户名可以留空，系统会按姓名拼音生成（如 林国栋 → linguodong）；再次导入同一份名单时，已有账号的人会被跳过。',
  problem: problemZhCN,
};
