import type { TFunction } from 'i18next';
import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterProblem, RosterResult } from '../../../shared/api/schemas';
import { type ApiProblem, ClientError, ClientErrorCode, hasErrorCode } from '../../core/errors';
import { CopyButton } from '../../ui/CopyButton';
import { DataTableHead } from '../../ui/DataTableHead';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useAccount, useApp } from '../../ui/services/useServices';
import { uploadRoster } from './uploadRoster';

type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'uploading'; readonly fraction: number }
  | { readonly phase: 'done'; readonly result: RosterResult }
  | { readonly phase: 'refused'; readonly problems: readonly ApiProblem[] }
  | { readonly phase: 'failed'; readonly message: string };

function passwordsText(result: RosterResult, header: readonly string[]): string {
  const rows = result.accounts.map((account) => [account.name, account.username, account.oneTimePassword].join('\t'));
  return [header.join('\t'), ...rows].join('\n');
}

/** A problem in the reader's language: its code's wording with its parameters (the server's English is for logs). */
function problemText(problem: RosterProblem, t: TFunction): string {
  return t(`accounts.problem.${problem.code}`, { ...problem.params });
}

/** The new accounts with their one-time passwords, to print or copy. */
function PasswordList({ result }: { readonly result: RosterResult }): ReactElement {
  const { t } = useTranslation();
  const header = [t('admin.colName'), t('admin.colUsername'), t('admin.colPassword')];
  return (
    <>
      <p className="notice is-warning">{t('admin.oneTimePasswords')}</p>
      <div className="result-actions no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t('admin.print')}
        </button>
        <CopyButton text={passwordsText(result, header)} label={t('admin.copyAll')} />
      </div>
      <div className="table-scroll">
        <table className="data-table" aria-label={t('admin.colPassword')}>
          <DataTableHead
            columns={[
              t('admin.colLine'),
              t('admin.colName'),
              t('admin.colUsername'),
              t('admin.colRole'),
              t('admin.colGroups'),
              t('admin.colPassword'),
            ]}
          />
          <tbody>
            {result.accounts.map((account) => (
              <tr key={account.username}>
                <td>{account.line}</td>
                <td>{account.name}</td>
                <td className="mono">{account.username}</td>
                <td>{t(`role.${account.role}`)}</td>
                <td>{account.groups.join(t('common.listSeparator'))}</td>
                <td className="mono password-cell">{account.oneTimePassword}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ImportResult({ result }: { readonly result: RosterResult }): ReactElement {
  const { t } = useTranslation();
  const separator = t('common.listSeparator');
  return (
    <div className="roster-result print-area">
      <p className="notice is-ok" role="status">
        {t('admin.importDone', { count: result.accounts.length })}
        {result.createdGroups.length > 0
          ? ` ${t('admin.createdGroups', { names: result.createdGroups.join(separator) })}`
          : ''}
      </p>
      {result.skipped.length > 0 ? (
        <p className="notice roster-skipped">
          {t('accounts.skipped', {
            count: result.skipped.length,
            names: result.skipped.map((person) => `${person.name}（${person.username}）`).join(separator),
          })}
        </p>
      ) : null}
      {result.accounts.length > 0 ? <PasswordList result={result} /> : null}
    </div>
  );
}

/** Choose a CSV roster, upload it with progress, then the one-time passwords or every bad line. */
export function RosterImport({ onImported }: { readonly onImported: () => void }): ReactElement {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const { auth } = useApp();
  const { workspace } = useAccount();
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (file === null || state.phase === 'uploading') {
      return;
    }
    setState({ phase: 'uploading', fraction: 0 });
    uploadRoster(file, (fraction) => setState({ phase: 'uploading', fraction })).then(
      (result) => {
        setState({ phase: 'done', result });
        onImported();
        workspace.refreshInBackground('admin.importRoster');
      },
      (err: unknown) => {
        if (err instanceof ClientError && err.problems !== undefined && err.problems.length > 0) {
          setState({ phase: 'refused', problems: err.problems });
          return;
        }
        if (hasErrorCode(err, ClientErrorCode.unauthorized)) {
          // The upload bypasses the API client: the session ended, so the app asks to sign in again.
          auth.expire();
        }
        setState({ phase: 'failed', message: errorText(err, t) });
      },
    );
  };
  const percent = state.phase === 'uploading' ? Math.round(state.fraction * 100) : 0;
  return (
    <section className="card" aria-labelledby="roster-title">
      <h2 id="roster-title">{t('admin.importTitle')}</h2>
      <p className="section-note">{t('admin.importLead')}</p>
      <p className="section-note">{t('accounts.importNote')}</p>
      <form className="roster-form no-print" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={inputId}>{t('admin.chooseFile')}</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ phase: 'idle' });
            }}
          />
        </div>
        <button type="submit" className="button is-primary" disabled={file === null || state.phase === 'uploading'}>
          {t('admin.upload')}
        </button>
      </form>
      {state.phase === 'uploading' ? (
        <div className="upload-progress" role="status">
          <progress max={100} value={percent} aria-label={t('admin.importProgress')} />
          <span>{percent < 100 ? t('admin.uploading', { percent }) : t('admin.processing')}</span>
        </div>
      ) : null}
      <FormError message={state.phase === 'failed' ? state.message : null} />
      {state.phase === 'refused' ? (
        <div className="roster-problems" role="alert">
          <p className="form-error">{t('admin.importProblems', { count: state.problems.length })}</p>
          <table className="data-table">
            <DataTableHead columns={[t('admin.colLine'), t('admin.colProblem')]} />
            <tbody>
              {state.problems.map((problem) => (
                <tr key={`${problem.line}-${problem.code}-${problem.field ?? ''}`}>
                  <td>{problem.line}</td>
                  <td>{problemText(problem, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {state.phase === 'done' ? <ImportResult result={state.result} /> : null}
    </section>
  );
}
