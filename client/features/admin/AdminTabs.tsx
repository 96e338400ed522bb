import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** 人员管理 | 小组管理 | 届次与承办单位 | 类别设置 | 数据推送: the secretariat's pages. */
export function AdminTabs(): ReactElement {
  const { t } = useTranslation();
  const tabClass = (isActive: boolean): string => (isActive ? 'tab is-active' : 'tab');
  return (
    <nav className="tabs" aria-label={t('nav.admin')}>
      <Link href="/admin/people" className={tabClass}>
        {t('nav.people')}
      </Link>
      <Link href="/admin/groups" className={tabClass}>
        {t('nav.groups')}
      </Link>
      <Link href="/admin/committee" className={tabClass}>
        {t('nav.committee')}
      </Link>
      <Link href="/admin/webhooks" className={tabClass}>
        {t('nav.webhooks')}
      </Link>
      <Link href="/admin/categories" className={tabClass}>
        {t('fields.admin.tab')}
      </Link>
    </nav>
  );
}
