import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { Action, can, Role } from '../../../shared';
import type { Group, Me } from '../../../shared/api/schemas';
import { hasDutyRecord, reviewsDuty } from '../duty/dutyAccess';
import { Disclosure } from './Disclosure';
import { myGroups } from './myGroups';

export interface MainNavProps {
  readonly me: Me;
  readonly groups: readonly Group[];
  /** `bar` in the header of wide screens, `list` inside the menu. */
  readonly layout: 'bar' | 'list';
}

function navClass(isActive: boolean): string {
  return isActive ? 'nav-link is-active' : 'nav-link';
}

/** The groups the nav lists: one's own, or every group for those who review all of them. */
function navGroups(me: Me, groups: readonly Group[]): { readonly label: 'myGroups' | 'allGroups'; list: Group[] } {
  const seesAll = me.role === Role.chair || me.role === Role.secretariat;
  return seesAll ? { label: 'allGroups', list: [...groups] } : { label: 'myGroups', list: myGroups(me, groups) };
}

function GroupLinks({ groups }: { readonly groups: readonly Group[] }): ReactElement {
  const { t } = useTranslation();
  if (groups.length === 0) {
    return <p className="nav-empty">{t('nav.noGroups')}</p>;
  }
  return (
    <ul className="nav-group-list">
      {groups.map((group) => (
        <li key={group.id}>
          <Link href={`/g/${group.id}`} className={navClass}>
            {group.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** 首页 · 我的小组 · 活动 · 我的履职 · 履职考核 · 全部提案 · 提案办理 · 统计 · 管理 · 设置: a bar on wide screens, a list in the phone's menu. */
export function MainNav({ me, groups, layout }: MainNavProps): ReactElement {
  const { t } = useTranslation();
  const [location] = useLocation();
  const shown = navGroups(me, groups);
  const isAdmin = can(me, Action.managePeople, { type: 'committee' });
  const seesAllDocuments = can(me, Action.viewAllDocuments, { type: 'committee' });
  return (
    <nav className={`main-nav is-${layout}`} aria-label={t('nav.label')}>
      <Link href="/" className={navClass}>
        {t('nav.home')}
      </Link>
      {layout === 'bar' ? (
        <Disclosure
          label={
            <>
              {t(`nav.${shown.label}`)}
              <span aria-hidden="true" className="caret-down" />
            </>
          }
          buttonClassName="nav-link nav-button"
          panelClassName="nav-dropdown"
        >
          <GroupLinks groups={shown.list} />
        </Disclosure>
      ) : (
        <div className="nav-section">
          <p className="nav-section-title">{t(`nav.${shown.label}`)}</p>
          <GroupLinks groups={shown.list} />
        </div>
      )}
      {me.role === Role.unit ? null : (
        <Link href="/activities" className={navClass(location.startsWith('/activities'))}>
          {t('activities.nav')}
        </Link>
      )}
      {hasDutyRecord(me) ? (
        <Link href="/duty" className={navClass}>
          {t('duty.nav')}
        </Link>
      ) : null}
      {reviewsDuty(me) ? (
        <Link href="/duty/committee" className={navClass(location.startsWith('/duty/'))}>
          {t('duty.committee.nav')}
        </Link>
      ) : null}
      {seesAllDocuments ? (
        <Link href="/proposals" className={navClass}>
          {t('proposals.nav')}
        </Link>
      ) : null}
      {isAdmin ? (
        <Link href="/desk" className={navClass}>
          {t('handling.nav')}
        </Link>
      ) : null}
      {seesAllDocuments ? (
        <Link href="/figures" className={navClass}>
          {t('figures.nav')}
        </Link>
      ) : null}
      {isAdmin ? (
        <Link href="/admin/people" className={navClass(location.startsWith('/admin/'))}>
          {t('nav.admin')}
        </Link>
      ) : null}
      <Link href="/settings" className={navClass}>
        {t('nav.settings')}
      </Link>
    </nav>
  );
}
