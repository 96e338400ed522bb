import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, Me } from '../../../shared/api/schemas';
import { colorOf } from '../../core/presence';
import { SignOutDialog } from '../device/SignOutDialog';
import { Disclosure } from './Disclosure';
import { MainNav } from './MainNav';

export interface AccountMenuProps {
  readonly me: Me;
  readonly groups: readonly Group[];
  /** Whether the menu holds the navigation on every screen (pages whose header shows no nav bar). */
  readonly hasNav: boolean;
}

/** The avatar at the right of the header: who is signed in, the navigation on a phone, sign out. */
export function AccountMenu({ me, groups, hasNav }: AccountMenuProps): ReactElement {
  const { t } = useTranslation();
  const [isSigningOut, setSigningOut] = useState(false);
  const role = t(`role.${me.role}`);
  return (
    <>
      <Disclosure
        ariaLabel={t('nav.account', { name: me.name, role })}
        buttonClassName="user-button"
        panelClassName="account-panel"
        label={
          <>
            <span className="avatar" style={{ backgroundColor: colorOf(me.id) }} aria-hidden="true">
              {Array.from(me.name)[0] ?? '?'}
            </span>
            <span className="user-name">{me.name}</span>
            <span className="role-tag">{role}</span>
          </>
        }
      >
        <div className="account-who">
          <strong>{me.name}</strong>
          <span>
            {me.username} · {role}
          </span>
        </div>
        <div className={hasNav ? 'account-nav' : 'account-nav only-narrow'}>
          <MainNav me={me} groups={groups} layout="list" />
        </div>
        <button type="button" className="menu-item sign-out" onClick={() => setSigningOut(true)}>
          {t('nav.signOut')}
        </button>
      </Disclosure>
      <SignOutDialog isOpen={isSigningOut} onClose={() => setSigningOut(false)} />
    </>
  );
}
