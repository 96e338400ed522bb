import i18next from 'i18next';

/** Languages the UI offers, with their own names for the picker. */
export const LANGUAGES = [
  { code: 'zh-CN', label: '简体中文' },
  { code: 'en', label: 'English' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: LanguageCode = 'zh-CN';
const STORAGE_KEY = 'jianyan.language';

function isLanguageCode(value: string | null): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

/** The language chosen on this device, or the default. */
export function savedLanguage(): LanguageCode {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguageCode(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    // Private mode without storage: the default language.
    return DEFAULT_LANGUAGE;
  }
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
