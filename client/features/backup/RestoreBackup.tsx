import { type ChangeEvent, type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/api/schemas';
import {
  type BackupContents,
  BackupError,
  BackupErrorCode,
  inspectBackup,
  localRestoredOperations,
  MAX_BACKUP_BYTES,
  readBackup,
  restoreDevice,
} from '../../core/backup';
import type { BackupTally } from '../../core/storage';
import { useAccount } from '../../ui/services/useServices';
import { PasswordField } from '../auth/PasswordField';
import { backupErrorText } from './backupErrorText';

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'password'; readonly file: Uint8Array }
  | { readonly kind: 'opened'; readonly contents: BackupContents }
  | { readonly kind: 'restored'; readonly added: BackupTally };

/** Reads a chosen file and checks its header: another member's or a newer app's file is refused at once. */
async function readChosen(chosen: File, userId: string): Promise<Uint8Array> {
  if (chosen.size > MAX_BACKUP_BYTES) {
    throw new BackupError(BackupErrorCode.tooLarge, 'The file is too large');
  }
  const file = new Uint8Array(await chosen.arrayBuffer());
  const { header } = inspectBackup(file);
  if (header.userId !== userId) {
    throw new BackupError(BackupErrorCode.otherUser, 'This backup belongs to another member', header.username);
  }
  return file;
}

/**
 * 从备份恢复: choose the file, give the password, see what it holds, restore. Every refusal says
 * why and changes nothing; after the restore a reload opens the merged copy and syncs it.
 */
export function RestoreBackup({ me }: { readonly me: Me }): ReactElement {
  const { t, i18n } = useTranslation();
  const { store } = useAccount();
  const fileId = useId();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<'opening' | 'restoring' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const fail = (err: unknown): void => {
    setBusy(null);
    setError(backupErrorText(err, t));
  };
  const reset = (): void => {
    setStep({ kind: 'choose' });
    setPassword('');
    setError(null);
    setInputKey((n) => n + 1);
  };
  const onChoose = (event: ChangeEvent<HTMLInputElement>): void => {
    const chosen = event.target.files?.[0];
    setError(null);
    setPassword('');
    setStep({ kind: 'choose' });
    if (chosen !== undefined) {
      readChosen(chosen, me.id).then((file) => setStep({ kind: 'password', file }), fail);
    }
  };
  const onOpen = (event: FormEvent): void => {
    event.preventDefault();
    if (step.kind !== 'password' || busy !== null) {
      return;
    }
    if (password === '') {
      setError(t('backup.passwordMissing'));
      return;
    }
    setBusy('opening');
    setError(null);
    readBackup(step.file, password, me.id).then((contents) => {
      setBusy(null);
      setPassword('');
      setStep({ kind: 'opened', contents });
    }, fail);
  };
  const onRestore = (): void => {
    if (step.kind !== 'opened' || busy !== null) {
      return;
    }
    setBusy('restoring');
    setError(null);
    restoreDevice({ store: store.backup, contents: step.contents, restored: localRestoredOperations(me.id) }).then(
      (added) => {
        setBusy(null);
        setStep({ kind: 'restored', added });
      },
      fail,
    );
  };

  return (
    <form className="settings-form backup-form" onSubmit={onOpen} noValidate>
      <h3 id="backup-restore">{t('backup.restoreTitle')}</h3>
      <p className="section-note">{t('backup.restoreLead')}</p>
      <div className="field">
        <label htmlFor={fileId}>{t('backup.file')}</label>
        <input key={inputKey} id={fileId} type="file" accept=".jianyan" onChange={onChoose} />
        <small>{t('backup.fileHint')}</small>
      </div>
      {step.kind === 'password' ? (
        <PasswordField
          label={t('backup.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      ) : null}
      {step.kind === 'opened' ? (
        <p className="notice is-info" data-testid="backup-summary">
          {t('backup.summary', {
            date: new Date(step.contents.header.createdAt).toLocaleString(i18n.language),
            documents: step.contents.header.tally.documents,
            unsent: step.contents.header.tally.unsentUpdates + step.contents.header.tally.queuedOperations,
          })}
        </p>
      ) : null}
      {busy === null ? null : (
        <p className="backup-progress" role="status">
          <progress />
          <span>{t(`backup.${busy}`)}</span>
        </p>
      )}
      {error === null ? null : (
        <div className="form-error" role="alert">
          <p>{error}</p>
          <p>{t('backup.unchanged')}</p>
        </div>
      )}
      {step.kind === 'restored' ? (
        <p className="notice is-ok" role="status">
          {step.added.rows === 0
            ? t('backup.restoredNothing')
            : t('backup.restored', {
                documents: step.added.documents,
                unsent: step.added.unsentUpdates + step.added.queuedOperations,
              })}
        </p>
      ) : null}
      <div className="backup-actions">
        {step.kind === 'password' ? (
          <button type="submit" className="button is-primary" disabled={busy !== null}>
            {t('backup.open')}
          </button>
        ) : null}
        {step.kind === 'opened' ? (
          <button type="button" className="button is-primary" disabled={busy !== null} onClick={onRestore}>
            {t('backup.restore')}
          </button>
        ) : null}
        {step.kind === 'restored' ? (
          <button type="button" className="button is-primary" onClick={() => window.location.reload()}>
            {t('backup.reload')}
          </button>
        ) : null}
        {step.kind === 'password' || step.kind === 'opened' ? (
          <button type="button" className="button" disabled={busy !== null} onClick={reset}>
            {t('backup.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
