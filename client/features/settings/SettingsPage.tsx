import { type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/api/schemas';
import { changeLanguage, currentLanguage, LANGUAGES, type LanguageCode } from '../../ui/language';
import { Page } from '../shell/Page';
import { ApiTokens } from './ApiTokens';
import { ChangePassword } from './ChangePassword';

function LanguagePicker(): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('settings.language')}</label>
      <select id={id} value={currentLanguage()} onChange={(e) => changeLanguage(e.target.value as LanguageCode)}>
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** `/settings`: the account, its password, API tokens and the interface language. */
export function SettingsPage({ me }: { readonly me: Me }): ReactElement {
  const { t } = useTranslation();
  return (
    <Page title={t('settings.title')} className="is-narrow">
      <div className="page-head">
        <h1>{t('settings.title')}</h1>
      </div>
      <section className="card" aria-labelledby="settings-account">
        <h2 id="settings-account">{t('settings.account')}</h2>
        <p>{t('settings.accountInfo', { name: me.name, username: me.username, role: t(`role.${me.role}`) })}</p>
      </section>
      <section className="card" aria-labelledby="settings-password">
        <h2 id="settings-password">{t('settings.passwordTitle')}</h2>
        {me.mustChangePassword ? <p className="notice is-warning">{t('settings.mustChange')}</p> : null}
        <ChangePassword />
      </section>
      <section className="card" aria-labelledby="settings-tokens">
        <h2 id="settings-tokens">{t('settings.tokensTitle')}</h2>
        <p className="section-note">{t('settings.tokensLead')}</p>
        <ApiTokens />
      </section>
      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.languageTitle')}</h2>
        <LanguagePicker />
      </section>
    </Page>
  );
}
