import { type FormEvent, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/api/schemas';
import { type BackupStage, backUpDevice, type MadeBackup } from '../../core/backup';
import { saveFile } from '../../core/export';
import { useOutbox, useTotalUnsent } from '../../ui/hooks/useWorkspace';
import { useAccount, useApp } from '../../ui/services/useServices';
import { PasswordField } from '../auth/PasswordField';
import { backupErrorText } from './backupErrorText';
import { RestoreBackup } from './RestoreBackup';

const BACKUP_TYPE = 'application/octet-stream';

/** 备份到文件: the password, a progress line, and the file handed to the browser's downloads. */
function MakeBackup({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  const { keys } = useApp();
  const { store } = useAccount();
  const unsent = useTotalUnsent() + useOutbox().pending;
  const [password, setPassword] = useState('');
  const [stage, setStage] = useState<BackupStage | 'checking' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<MadeBackup | null>(null);

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (stage !== null) {
      return;
    }
    if (password === '') {
      setError(t('backup.passwordMissing'));
      return;
    }
    setError(null);
    setMade(null);
    setStage('checking');
    const run = async (): Promise<MadeBackup | null> => {
      // A file sealed with a mistyped password could never be opened: it must be the sign-in one.
      if ((await keys.isDevicePassword(password)) === false) {
        return null;
      }
      return backUpDevice({
        store: store.backup,
        owner: { userId: me.id, username: me.username },
        password,
        onStage: setStage,
      });
    };
    run().then(
      (backup) => {
        setStage(null);
        if (backup === null) {
          setError(t('backup.notDevicePassword'));
          return;
        }
        saveFile({ name: backup.fileName, blob: new Blob([backup.file], { type: BACKUP_TYPE }) });
        setPassword('');
        setMade(backup);
      },
      (err: unknown) => {
        setStage(null);
        setError(backupErrorText(err, t));
      },
    );
  };

  return (
    <form className="settings-form backup-form" onSubmit={onSubmit} noValidate>
      <h3 id="backup-make">{t('backup.makeTitle')}</h3>
      <p className="section-note">{t('backup.makeLead')}</p>
      <p className={unsent > 0 ? 'notice is-warning' : 'notice is-info'} data-testid="backup-unsent">
        {unsent > 0 ? t('backup.unsentSome', { count: unsent }) : t('backup.unsentNone')}
      </p>
      <PasswordField
        label={t('backup.password')}
        autoComplete="current-password"
        hint={t('backup.passwordHint')}
        error={error}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {stage === null || stage === 'checking' ? null : (
        <p className="backup-progress" role="status">
          <progress />
          <span>{t(`backup.${stage}`)}</span>
        </p>
      )}
      {made === null ? null : (
        <p className="notice is-ok" role="status">
          {t('backup.made', {
            fileName: made.fileName,
            documents: made.tally.documents,
            unsent: made.tally.unsentUpdates + made.tally.queuedOperations,
          })}
        </p>
      )}
      <button type="submit" className="button is-primary" disabled={stage !== null}>
        {t('backup.make')}
      </button>
    </form>
  );
}

/** 设置 › 本机备份: back the account's device copy up to a file, or restore one (docs/DEVICE.md). */
export function BackupSection({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="card backup-section" aria-labelledby="settings-backup">
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p className="section-note">{t('backup.lead')}</p>
      <MakeBackup me={me} />
      <RestoreBackup me={me} />
    </section>
  );
}
