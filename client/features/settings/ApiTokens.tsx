import { type FormEvent, type ReactElement, useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  API_TOKEN_LIFETIME_DAYS,
  type ApiToken,
  type ApiTokenLifetimeDays,
  DEFAULT_API_TOKEN_LIFETIME_DAYS,
  MAX_PASSWORD_LENGTH,
  MAX_TOKEN_NAME_LENGTH,
} from '../../../shared/api/schemas';
import { ClientError } from '../../core/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyButton } from '../../ui/CopyButton';
import { DataTableHead } from '../../ui/DataTableHead';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { useBusyAction } from '../../ui/useBusyAction';
import { formatTime } from '../docs/formatTime';

function useDateText(): (ms: number) => string {
  const { i18n } = useTranslation();
  return (ms) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(ms);
}

function TokenTable({ tokens, onRevoke }: { tokens: readonly ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t, i18n } = useTranslation();
  const now = Date.now();
  const when = (ms: number): string => formatTime(ms, now, i18n.language, t);
  const date = useDateText();
  return (
    <table className="data-table tokens-table">
      <DataTableHead
        columns={[
          t('advanced.colTokenName'),
          t('advanced.colCreated'),
          t('advanced.colExpires'),
          t('advanced.colLastUsed'),
        ]}
        hasActions
      />
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} data-token={token.name}>
            <td className="cell-name">{token.name}</td>
            <td>{when(token.createdAt)}</td>
            <td className={token.expiresAt <= now ? 'is-expired' : undefined}>
              {token.expiresAt <= now ? t('advanced.expired') : date(token.expiresAt)}
            </td>
            <td className="cell-last-used">
              {token.lastUsedAt === null ? t('advanced.neverUsed') : when(token.lastUsedAt)}
            </td>
            <td className="cell-actions">
              <button type="button" className="button is-small" onClick={() => onRevoke(token)}>
                {t('advanced.revoke')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface Created {
  readonly name: string;
  readonly token: string;
  readonly expiresAt: number;
}

/** Name, password and lifetime: a token acts as its owner, so making one asks for the password again. */
function NewTokenForm({ onCreated }: { readonly onCreated: (created: Created) => void }): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const id = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [days, setDays] = useState<ApiTokenLifetimeDays>(DEFAULT_API_TOKEN_LIFETIME_DAYS);
  const action = useBusyAction((err) =>
    err instanceof ClientError && err.field === 'currentPassword' ? t('advanced.wrongPassword') : errorText(err, t),
  );
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (name.trim() === '' || password === '') {
      return;
    }
    action.run(
      () => api.createToken({ name, currentPassword: password, expiresInDays: days }),
      (answer) => {
        setName('');
        setPassword('');
        onCreated({ name: answer.record.name, token: answer.token, expiresAt: answer.record.expiresAt });
      },
    );
  };
  return (
    <form className="token-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('advanced.tokenName')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={MAX_TOKEN_NAME_LENGTH}
          placeholder={t('advanced.tokenNamePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-days`}>{t('advanced.expiry')}</label>
        <select
          id={`${id}-days`}
          value={days}
          onChange={(e) => setDays(Number(e.target.value) as ApiTokenLifetimeDays)}
        >
          {API_TOKEN_LIFETIME_DAYS.map((each) => (
            <option key={each} value={each}>
              {t('advanced.days', { count: each })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('advanced.currentPassword')}</label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="current-password"
          value={password}
          maxLength={MAX_PASSWORD_LENGTH}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </div>
      <small className="field-note">{t('advanced.passwordHint')}</small>
      <FormError message={action.error} />
      <button type="submit" className="button is-primary token-submit" disabled={action.isBusy}>
        {t('advanced.createToken')}
      </button>
    </form>
  );
}

/** Named API tokens: create one (shown once, with a copy button), list them with their use, revoke one. */
export function ApiTokens(): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const date = useDateText();
  const tokens = useApiData(useCallback(() => api.listTokens(), [api]));
  const [created, setCreated] = useState<Created | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  return (
    <>
      <NewTokenForm
        onCreated={(answer) => {
          setCreated(answer);
          tokens.reload();
        }}
      />
      {created === null ? null : (
        <div className="secret-box" role="status">
          <p>{t('advanced.tokenCreated', { name: created.name, date: date(created.expiresAt) })}</p>
          <div className="copy-row">
            <input
              className="mono"
              readOnly
              aria-label={t('advanced.tokenValue')}
              value={created.token}
              onFocus={(e) => e.target.select()}
            />
            <CopyButton text={created.token} className="button is-primary" />
          </div>
        </div>
      )}
      <FormError message={tokens.status === 'failed' ? errorText(tokens.error, t) : null} />
      {tokens.status === 'ready' && tokens.value.length === 0 ? (
        <p className="empty-note">{t('advanced.noTokens')}</p>
      ) : null}
      {tokens.status === 'ready' && tokens.value.length > 0 ? (
        <TokenTable tokens={tokens.value} onRevoke={setRevoking} />
      ) : null}
      <ConfirmDialog
        title={t('advanced.revoke')}
        message={revoking === null ? null : t('advanced.revokeConfirm', { name: revoking.name })}
        confirmLabel={t('advanced.revoke')}
        onConfirm={async () => {
          if (revoking !== null) {
            await api.revokeToken(revoking.id);
            tokens.reload();
          }
        }}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
