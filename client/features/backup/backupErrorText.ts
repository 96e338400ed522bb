import type { TFunction } from 'i18next';
import { BackupError } from '../../core/backup';
import { errorText } from '../../ui/errorText';

/** A backup or restore failure in the member's words. */
export function backupErrorText(err: unknown, t: TFunction): string {
  if (err instanceof BackupError) {
    return t(`backup.error.${err.code}`, { username: err.username ?? '' });
  }
  return errorText(err, t);
}
