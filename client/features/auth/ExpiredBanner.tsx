import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/api/schemas';
import { Dialog } from '../../ui/Dialog';
import { SignInForm } from './SignInForm';

/**
 * The session ended (expired, revoked, signed out elsewhere) while this device keeps the
 * workspace and every unsent edit: a banner on every page, and signing in again in a dialog
 * without leaving the page.
 */
export function ExpiredBanner({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  return (
    <>
      <div className="banner is-warning" role="alert">
        <span>{t('auth.expiredBanner')}</span>
        <button type="button" className="button is-small is-primary" onClick={() => setOpen(true)}>
          {t('auth.expiredAction')}
        </button>
      </div>
      <Dialog isOpen={isOpen} onClose={() => setOpen(false)} title={t('auth.expiredTitle')}>
        <p className="dialog-prompt">{t('auth.expiredLead')}</p>
        <SignInForm initialUsername={me.username} onSignedIn={() => setOpen(false)} />
        <p className="field-note">{t('auth.expiredOtherUser', { username: me.username })}</p>
        <form method="dialog" className="dialog-actions">
          <button type="submit" className="button">
            {t('common.cancel')}
          </button>
        </form>
      </Dialog>
    </>
  );
}
