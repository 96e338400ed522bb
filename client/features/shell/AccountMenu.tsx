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
          // The name, 李委员（委员）, is the label; the initial and the role are drawn by the style
          // sheet (data-text), so that the words a voice-control user sees, 李委员, are the
          // start of the name they say (WCAG 2.5.3).
          <>
            <span
              className="avatar has-data-text"
              style={{ backgroundColor: colorOf(me.id) }}
              data-text={Array.from(me.name)[0] ?? '?'}
              aria-hidden="true"
            />
            <span className="user-name">{me.name}</span>
            <span className="role-tag has-data-text" data-text={role} aria-hidden="true" />
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
