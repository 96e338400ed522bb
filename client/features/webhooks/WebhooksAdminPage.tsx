import { type ReactElement, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Webhook } from '../../../shared/api/webhooks';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { CopyButton } from '../../ui/CopyButton';
import { errorText } from '../../ui/errorText';
import { FormError } from '../../ui/FormError';
import { useOnline } from '../../ui/hooks/useOnline';
import { useApp } from '../../ui/services/useServices';
import { useApiData } from '../../ui/useApiData';
import { AdminTabs } from '../admin/AdminTabs';
import { Page } from '../shell/Page';
import { NewWebhookForm } from './NewWebhookForm';
import { WebhookCard } from './WebhookCard';

/** A secret just made or rotated: shown once, until the secretariat says it is saved. */
interface ShownSecret {
  readonly secret: string;
  readonly isRotated: boolean;
}

function SecretBox({ shown, onDone }: { readonly shown: ShownSecret; readonly onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="secret-box" role="status">
      <p>{t(shown.isRotated ? 'webhooks.secretRotated' : 'webhooks.secretCreated')}</p>
      <div className="copy-row">
        <input
          className="mono"
          readOnly
          aria-label={t('webhooks.secret')}
          value={shown.secret}
          onFocus={(e) => e.target.select()}
        />
        <CopyButton text={shown.secret} className="button is-primary" />
        <button type="button" className="button" onClick={onDone}>
          {t('webhooks.secretSaved')}
        </button>
      </div>
    </div>
  );
}

/** `/admin/webhooks` (数据推送): the secretariat's webhooks, their secrets and delivery logs. */
export function WebhooksAdminPage(): ReactElement {
  const { t } = useTranslation();
  const { api } = useApp();
  const isOnline = useOnline();
  const webhooks = useApiData(useCallback(() => api.listWebhooks(), [api]));
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const [rotating, setRotating] = useState<Webhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  return (
    <Page title={t('webhooks.title')} className="is-wide">
      <AdminTabs />
      <div className="page-head">
        <h1>{t('webhooks.title')}</h1>
      </div>
      <p className="section-note">{t('webhooks.lead')}</p>
      <section className="card" aria-label={t('webhooks.addTitle')}>
        <h2>{t('webhooks.addTitle')}</h2>
        {isOnline ? null : <p className="notice is-warning">{t('webhooks.needsOnline')}</p>}
        <NewWebhookForm
          isDisabled={!isOnline}
          onCreated={(created) => {
            setShown({ secret: created.secret, isRotated: false });
            webhooks.reload();
          }}
        />
        {shown === null ? null : <SecretBox shown={shown} onDone={() => setShown(null)} />}
      </section>
      <FormError message={webhooks.status === 'failed' ? errorText(webhooks.error, t) : null} />
      {webhooks.status === 'ready' && webhooks.value.length === 0 ? (
        <p className="empty-state">{t('webhooks.empty')}</p>
      ) : null}
      {webhooks.status === 'ready'
        ? webhooks.value.map((webhook) => (
            <WebhookCard
              key={webhook.id}
              webhook={webhook}
              isOnline={isOnline}
              onChanged={webhooks.reload}
              onRotate={setRotating}
              onDelete={setDeleting}
            />
          ))
        : null}
      <ConfirmDialog
        title={t('webhooks.rotate')}
        message={rotating === null ? null : t('webhooks.rotateConfirm')}
        confirmLabel={t('webhooks.rotate')}
        onConfirm={async () => {
          if (rotating !== null) {
            const rotated = await api.rotateWebhookSecret(rotating.id);
            setShown({ secret: rotated.secret, isRotated: true });
            webhooks.reload();
          }
        }}
        onClose={() => setRotating(null)}
      />
      <ConfirmDialog
        title={t('webhooks.delete')}
        message={deleting === null ? null : t('webhooks.deleteConfirm', { url: deleting.url })}
        confirmLabel={t('webhooks.delete')}
        onConfirm={async () => {
          if (deleting !== null) {
            await api.deleteWebhook(deleting.id);
            webhooks.reload();
          }
        }}
        onClose={() => setDeleting(null)}
      />
    </Page>
  );
}
