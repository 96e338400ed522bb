import { type FormEvent, type ReactElement, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getServices } from '../../app/services';
import { changeLanguage, currentLanguage, LANGUAGES, type LanguageCode } from '../../i18n/i18n';
import { useStore } from '../../lib/useStore';
import { MAX_NAME_LENGTH } from '../../user/identity';

/** The header's personal settings: the display name others see and the UI language. */
export function UserMenu(): ReactElement {
  const { t } = useTranslation();
  const { identity } = getServices();
  const me = useStore(identity);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(me.name);
  const open = (): void => {
    setDraft(me.name);
    dialogRef.current?.showModal();
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    identity.rename(draft);
    dialogRef.current?.close();
  };
  return (
    <>
      <button type="button" className="user-button" onClick={open} title={t('user.menu')}>
        <span className="avatar" style={{ backgroundColor: me.color }} aria-hidden="true">
          {Array.from(me.name)[0] ?? '?'}
        </span>
        <span className="user-name">{me.name}</span>
      </button>
      <dialog ref={dialogRef} className="dialog" aria-labelledby="user-menu-title">
        <form onSubmit={onSubmit}>
          <h2 id="user-menu-title">{t('user.menu')}</h2>
          <label className="field">
            <span>{t('user.nameLabel')}</span>
            <input value={draft} maxLength={MAX_NAME_LENGTH} onChange={(e) => setDraft(e.target.value)} required />
            <small>{t('user.nameHint')}</small>
          </label>
          <label className="field">
            <span>{t('user.language')}</span>
            <select defaultValue={currentLanguage()} onChange={(e) => changeLanguage(e.target.value as LanguageCode)}>
              {LANGUAGES.map((language) => (
                <option key={language.code} value={language.code}>
                  {language.label}
                </option>
              ))}
            </select>
          </label>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
              {t('user.close')}
            </button>
            <button type="submit" className="button is-primary">
              {t('user.save')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
