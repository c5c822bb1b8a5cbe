/**
 * The sections of the messages (`common/i18n/*.json`) the phone pages read: the plain pages load
 * only these, about a fifth of the whole; the management screens load the rest with antd.
 * `scripts/phone-messages.test.ts` checks the phone pages ask for nothing outside them.
 */
export const PHONE_SECTIONS = [
  'app',
  'common',
  'login',
  'home',
  'checkIn',
  'inbox',
  'settings',
  'my',
  'offline',
  'enums',
  'fields',
  'errors.validation',
] as const;
