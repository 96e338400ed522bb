import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../../ui/hooks/useOnline';
import { AdminTabs } from '../admin/AdminTabs';
import { Page } from '../shell/Page';
import { SessionsSection } from './SessionsSection';
import { UnitsSection } from './UnitsSection';

/** `/admin/committee` (届次与承办单位): the committee's sessions and its handling units. */
export function CommitteeAdminPage(): ReactElement {
  const { t } = useTranslation();
  const isOnline = useOnline();
  return (
    <Page title={t('committee.title')} className="is-wide">
      <AdminTabs />
      <div className="page-head">
        <h1>{t('committee.title')}</h1>
      </div>
      <p className="section-note">{t('committee.lead')}</p>
      {isOnline ? null : <p className="notice is-warning">{t('admin.needsOnline')}</p>}
      <SessionsSection isOnline={isOnline} />
      <UnitsSection isOnline={isOnline} />
    </Page>
  );
}
