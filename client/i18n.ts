import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../common/enums';
import en from '../common/i18n/en.json';
import zhCN from '../common/i18n/zh-CN.json';

// Typed keys: a misspelt key fails the type check instead of showing the raw key to a user.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

/** Where the language chosen before login is kept; after login the user's saved locale wins. */
const STORAGE_KEY = 'vanguard.locale';

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

function storedLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLocale(saved) ? saved : DEFAULT_LOCALE;
}

function followLanguage(locale: string) {
  document.documentElement.lang = locale;
  // antd's DatePicker takes month and weekday names from dayjs' global locale.
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}

i18n.on('languageChanged', followLanguage);

// Resources are bundled, so initialising synchronously means the first render is already translated.
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export async function applyLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export default i18n;
