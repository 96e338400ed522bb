import type { accountsZhCN, problemZhCN } from './strings';

const problemEn: typeof problemZhCN = {
  unreadable: 'The file cannot be read: save it as “CSV UTF-8 (comma delimited)” in Excel or WPS and upload it again',
  csv_syntax: 'This line is not valid CSV (a quote may not be closed)',
  empty_file: 'The file is empty: the first line must name the columns name, username, role, groups',
  missing_columns:
    'The header lacks the columns {{columns}}: the first line must name the columns name, username, role, groups',
  repeated_columns: 'The header names these columns more than once: {{columns}}',
  no_people: 'The file has a header but no people: add one line per person below it',
  name_invalid: 'The name is empty or longer than {{max}} characters',
  username_invalid:
    'The username “{{value}}” is not valid: use 2–32 lowercase letters, digits, “.”, “_” or “-”, or leave it empty to make one from the name',
  username_repeated: 'The username “{{value}}” is also on line {{line}}',
  username_taken: 'The username “{{value}}” belongs to someone else: choose another, or leave it empty',
  role_unknown: 'The role “{{value}}” is unknown: use secretariat, chair, convener or member',
  group_invalid: 'The group name “{{value}}” is empty or longer than {{max}} characters',
  extra_cells:
    'This line has {{cells}} cells, more than the header: put several groups in one cell, separated by “、” or “;”',
  too_many_people: 'One import takes at most {{max}} people: split the file and import the rest separately',
};

export const accountsEn: typeof accountsZhCN = {
  search: 'Search',
  searchPlaceholder: 'Name, username or pinyin initials',
  noMatch: 'Nobody matches “{{query}}”.',
  count: '{{count}} people',
  edit: 'Edit',
  editTitle: 'Role and groups of {{name}}',
  role: 'Role',
  groups: 'Groups',
  noGroups: 'No groups yet.',
  save: 'Save',
  resetPassword: 'Reset password',
  resetConfirm:
    'A new one-time password will be made for {{name}} ({{username}}). Their sign-ins on every device, their API tokens and their open connections end at once. Reset it?',
  resetTitle: 'One-time password of {{name}}',
  resetDone:
    'The password was reset. The other sign-ins of {{name}} have ended, and {{count}} API tokens stopped working.',
  resetDoneNoTokens: 'The password was reset. The other sign-ins of {{name}} have ended.',
  resetHand:
    'Tell them in person or by phone. They choose a new password after signing in. This password is shown only now and cannot be seen again once closed.',
  oneTimePassword: 'One-time password',
  invitationsTitle: 'Invitation links not used yet',
  invitationsEmpty: 'No open invitation links.',
  colRole: 'Role',
  colGroups: 'Groups or unit',
  colCreated: 'Created',
  colExpires: 'Valid until',
  revokeInvitation: 'Revoke',
  revokeInvitationConfirm: 'The invitation link will no longer work. Revoke it?',
  skipped: '{{count}} already have an account and were skipped: {{names}}',
  importNote:
    'The username may be left empty: one is made from the pinyin of the name (林国栋 → linguodong). Importing the same roster again skips the people who have an account.',
  problem: problemEn,
};
