import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Languages the UI offers, with their own names for the picker. */
export const LANGUAGES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const DEFAULT_LANGUAGE: LanguageCode = 'zh-CN';
const STORAGE_KEY = 'jianyan.language';

function isLanguageCode(value: string | null): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

function savedLanguage(): LanguageCode {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguageCode(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

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

/** Switches the UI language and remembers the choice on this device. */
export function changeLanguage(code: LanguageCode): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  document.documentElement.lang = code;
  void i18next.changeLanguage(code);
}

/** The language currently shown. */
export function currentLanguage(): LanguageCode {
  const code = i18next.language;
  return isLanguageCode(code) ? code : DEFAULT_LANGUAGE;
}
