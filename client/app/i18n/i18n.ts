import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, savedLanguage } from '../../ui/language';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Initialises i18next synchronously (the resources are bundled) in the saved language. */
export function initI18n(): void {
  const lng = savedLanguage();
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
}
