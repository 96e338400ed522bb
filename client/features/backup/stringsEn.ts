import type { backupZhCN } from './strings';

export const backupEn: typeof backupZhCN = {
  title: 'Device backup',
  lead: 'If your phone or computer is failing before it could sync, save all your documents on this device and the changes not sent yet to one encrypted file, then sign in to this account on any device and restore it.',
  makeTitle: 'Back up to a file',
  makeLead:
    'The file is encrypted with your password; restoring asks for the same password. Keep the file somewhere safe, such as a computer or a USB drive.',
  unsentNone: 'Every change on this device has reached the server.',
  unsentSome: '{{count}} changes on this device have not reached the server yet; the backup includes them.',
  password: 'Password',
  passwordHint: 'The password you signed in with on this device.',
  passwordMissing: 'Enter your password.',
  notDevicePassword: 'Wrong password. Enter the one you signed in with on this device.',
  make: 'Back up to a file',
  reading: 'Reading this device’s data…',
  sealing: 'Compressing and encrypting…',
  made: 'Saved “{{fileName}}”: {{documents}} documents, with {{unsent}} unsent changes.',
  restoreTitle: 'Restore from a backup',
  restoreLead:
    'Restoring merges the backup into this device and overwrites nothing here; unsent changes are sent to the server once online.',
  file: 'Backup file',
  fileHint: 'Named like “建言备份-username-date.jianyan”.',
  open: 'Open backup',
  opening: 'Decrypting…',
  summary: 'This backup was made on {{date}}: {{documents}} documents, with {{unsent}} unsent changes.',
  restore: 'Restore to this device',
  restoring: 'Restoring…',
  cancel: 'Cancel',
  restored: 'Restored: {{documents}} new documents and {{unsent}} unsent changes. Reload to start syncing.',
  restoredNothing: 'This device already holds everything in this backup: nothing to restore.',
  reload: 'Reload and sync',
  unchanged: 'Nothing on this device was changed.',
  error: {
    not_backup: 'This is not a Jianyan backup file.',
    truncated: 'The backup file is incomplete (perhaps not fully copied). Use a complete copy.',
    damaged: 'The backup file is damaged and cannot be read.',
    newer_format:
      'This backup was made by a newer version of Jianyan. Update Jianyan first (reload the page or reopen the app), then restore.',
    other_user: 'This backup belongs to another account ({{username}}) and can be restored only when it is signed in.',
    wrong_password: 'Wrong password: it does not open this backup. Enter the password you backed up with.',
    too_large: 'The file is too large to be a Jianyan backup.',
  },
};
