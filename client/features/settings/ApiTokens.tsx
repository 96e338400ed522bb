import { type ReactElement, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiToken, MAX_TOKEN_NAME_LENGTH } from '../../../shared/api/schemas';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyButton } from '../../ui/CopyButton';
import { DataTableHead } from '../../ui/DataTableHead';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { InlineNameForm } from '../../ui/InlineNameForm';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { formatTime } from '../docs/formatTime';

function TokenTable({ tokens, onRevoke }: { tokens: readonly ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t, i18n } = useTranslation();
  const now = Date.now();
  const when = (ms: number): string => formatTime(ms, now, i18n.language, t);
  return (
    <table className="data-table tokens-table">
      <DataTableHead
        columns={[t('settings.colTokenName'), t('settings.colCreated'), t('settings.colLastUsed')]}
        hasActions
      />
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td className="cell-name">{token.name}</td>
            <td>{when(token.createdAt)}</td>
            <td>{token.lastUsedAt === null ? t('settings.neverUsed') : when(token.lastUsedAt)}</td>
            <td className="cell-actions">
              <button type="button" className="button is-small" onClick={() => onRevoke(token)}>
                {t('settings.revoke')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Named API tokens: create one (shown once, with a copy button), list them, revoke one. */
export function ApiTokens(): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const tokens = useApiData(useCallback(() => api.listTokens(), [api]));
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  return (
    <>
      <InlineNameForm
        id="token-name"
        label={t('settings.tokenName')}
        placeholder={t('settings.tokenNamePlaceholder')}
        maxLength={MAX_TOKEN_NAME_LENGTH}
        submitLabel={t('settings.createToken')}
        onSubmit={async (name) => {
          const answer = await api.createToken(name);
          setCreated({ name: answer.record.name, token: answer.token });
          tokens.reload();
        }}
      />
      {created === null ? null : (
        <div className="secret-box" role="status">
          <p>{t('settings.tokenCreated', { name: created.name })}</p>
          <div className="copy-row">
            <input
              className="mono"
              readOnly
              aria-label={t('settings.tokenValue')}
              value={created.token}
              onFocus={(e) => e.target.select()}
            />
            <CopyButton text={created.token} className="button is-primary" />
          </div>
        </div>
      )}
      <FormError message={tokens.status === 'failed' ? errorText(tokens.error, t) : null} />
      {tokens.status === 'ready' && tokens.value.length === 0 ? (
        <p className="empty-note">{t('settings.noTokens')}</p>
      ) : null}
      {tokens.status === 'ready' && tokens.value.length > 0 ? (
        <TokenTable tokens={tokens.value} onRevoke={setRevoking} />
      ) : null}
      <ConfirmDialog
        title={t('settings.revoke')}
        message={revoking === null ? null : t('settings.revokeConfirm', { name: revoking.name })}
        confirmLabel={t('settings.revoke')}
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
