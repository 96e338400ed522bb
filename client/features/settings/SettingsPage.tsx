import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/api/schemas';
import { changeLanguage, currentLanguage, LANGUAGES, type LanguageCode } from '../../ui/language';
import { BackupSection } from '../backup/BackupSection';
import { Page } from '../shell/Page';
import { ApiTokens } from './ApiTokens';
import { ChangePassword } from './ChangePassword';
import { TextSizePicker } from './TextSizePicker';

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

/**
 * 高级: what most members never need, folded away (as in the advanced settings of 腾讯文档 and
 * WPS). Open when the address says `#advanced`, where a token_created notification leads.
 */
function AdvancedSettings(): ReactElement {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(() => window.location.hash === ADVANCED_HASH);
  return (
    <details
      id="advanced"
      className="card advanced-settings"
      open={isOpen}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <h2>{t('advanced.title')}</h2>
        <span className="section-note">{t('advanced.lead')}</span>
      </summary>
      <section aria-labelledby="settings-tokens">
        <h3 id="settings-tokens">{t('advanced.tokensTitle')}</h3>
        <p className="section-note">{t('advanced.tokensLead')}</p>
        {isOpen ? <ApiTokens /> : null}
      </section>
    </details>
  );
}

const ADVANCED_HASH = '#advanced';

/** `/settings`: the account, its password, the interface language, the text size, and API tokens under 高级. */
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
      {/* Before the password: whoever struggles to read the page should not have to scroll for it. */}
      <section className="card" aria-labelledby="settings-text-size">
        <h2 id="settings-text-size">{t('textSize.title')}</h2>
        <p className="section-note">{t('textSize.lead')}</p>
        <TextSizePicker />
      </section>
      <section className="card" aria-labelledby="settings-password">
        <h2 id="settings-password">{t('settings.passwordTitle')}</h2>
        {me.mustChangePassword ? <p className="notice is-warning">{t('settings.mustChange')}</p> : null}
        <ChangePassword />
      </section>
      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.languageTitle')}</h2>
        <LanguagePicker />
      </section>
      <BackupSection me={me} />
      <AdvancedSettings />
    </Page>
  );
}
