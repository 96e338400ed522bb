import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, savedLanguage } from '../../ui/language';
import { zhCN } from './zh-CN';

/**
 * Initialises i18next in the saved language. Chinese, the default, is bundled with the first page;
 * English is a chunk of its own, fetched only when chosen (here at start, or in the settings).
 * Resolves once the saved language's strings are here: at once for Chinese.
 */
export async function initI18n(): Promise<void> {
  const lng = savedLanguage();
  document.documentElement.lang = lng;
  await i18next
    .use(initReactI18next)
    .use(resourcesToBackend(async (language: string) => (language === 'en' ? (await import('./en')).en : null)))
    .init({
      resources: { [DEFAULT_LANGUAGE]: { translation: zhCN } },
      partialBundledLanguages: true,
      supportedLngs: LANGUAGES.map((language) => language.code),
      // Only the chosen language itself, not also its base ('zh' of 'zh-CN').
      load: 'currentOnly',
      lng,
      fallbackLng: DEFAULT_LANGUAGE,
      interpolation: { escapeValue: false },
    });
}
