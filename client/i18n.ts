import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../common/enums';
import type zhCN from '../common/i18n/zh-CN.json';

// Typed keys: a misspelt key fails the type check instead of showing the raw key to a user.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

/** Where the language chosen before login is kept; after login the user's saved locale wins. */
const STORAGE_KEY = 'vanguard.locale';

type Bundle = () => Promise<{ default: Record<string, unknown> }>;

// Each language is its own file, fetched when first used: a phone downloads only the one it reads,
// and only the phone pages' part of it until a management screen opens.
const PHONE_BUNDLES: Record<Locale, Bundle> = {
  'zh-CN': () => import('../common/i18n/zh-CN.json?phone'),
  en: () => import('../common/i18n/en.json?phone'),
};
const FULL_BUNDLES: Record<Locale, Bundle> = {
  'zh-CN': () => import('../common/i18n/zh-CN.json'),
  en: () => import('../common/i18n/en.json'),
};
let full = false;
const loaded = new Set<string>();

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

async function loadBundle(locale: Locale): Promise<void> {
  // Loops once more when a management screen asked for every message while the phone part of
  // this language was on its way (a login straight into the management screens).
  for (;;) {
    const part = full ? 'full' : 'phone';
    if (loaded.has(`${locale}:full`) || loaded.has(`${locale}:${part}`)) return;
    const messages = (await (part === 'full' ? FULL_BUNDLES : PHONE_BUNDLES)[locale]()).default;
    i18n.addResourceBundle(locale, 'translation', messages, true, true);
    loaded.add(`${locale}:${part}`);
    if (part === 'full' || !full) return;
  }
}

/** The management screens need every message, now and in any language switched to later. */
export async function loadAllMessages(): Promise<void> {
  full = true;
  await loadBundle(currentLocale());
}

/** Loads the language this browser last used, so the first render is already translated. */
export async function startI18n(): Promise<void> {
  const locale = storedLocale();
  await i18n.use(initReactI18next).init({
    resources: {},
    lng: locale,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  await loadBundle(locale);
  // Registered after the bundle so the first render reads it.
  await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export async function applyLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  await loadBundle(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export default i18n;
