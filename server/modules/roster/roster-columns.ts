import { EDUCATIONS, GENDERS, type Locale, MEMBER_POSTS, MEMBER_STATUSES } from '../../../common/enums';
import { messages, translate } from '../../../common/i18n/translate';

/** Roster columns, in sheet order. Headers are the field labels of the UI, in either language. */
export const ROSTER_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'ethnicity',
  'education',
  'phone',
  'idNumber',
  'status',
  'statusDate',
  'posts',
  'isMobile',
  'currentLocation',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const REQUIRED_FIELDS: readonly RosterField[] = ['name', 'gender', 'status'];

export const header = (locale: Locale, field: RosterField | 'org' | 'group') =>
  field === 'org' ? translate(locale, 'fields.orgId') : translate(locale, `fields.${field}`);

/** Every header a column may carry: its label in each language, or its API name. */
export function headerAliases(field: RosterField): string[] {
  return [field, ...Object.keys(messages).map((l) => header(l as Locale, field))].map((h) => h.toLowerCase());
}

/** Vocabulary cells are written as labels ("预备党员") and read back from a label in either language or the key. */
function vocabulary<T extends string>(keys: readonly T[], ns: string) {
  const lookup = new Map<string, T>();
  for (const k of keys) {
    lookup.set(k.toLowerCase(), k);
    for (const l of Object.keys(messages))
      lookup.set(translate(l as Locale, `enums.${ns}.${k}`).toLowerCase(), k);
  }
  return {
    label: (locale: Locale, key: T) => translate(locale, `enums.${ns}.${key}`),
    parse: (text: string): T | undefined => lookup.get(text.trim().toLowerCase()),
  };
}

export const genderVocabulary = vocabulary(GENDERS, 'gender');
export const statusVocabulary = vocabulary(MEMBER_STATUSES, 'memberStatus');
export const educationVocabulary = vocabulary(EDUCATIONS, 'education');
export const postVocabulary = vocabulary(MEMBER_POSTS, 'memberPost');

const YES = new Set(['是', 'yes', 'y', 'true', '1']);
const NO = new Set(['否', 'no', 'n', 'false', '0', '']);
export const parseYesNo = (text: string): boolean | undefined =>
  YES.has(text.trim().toLowerCase()) ? true : NO.has(text.trim().toLowerCase()) ? false : undefined;
export const yesNo = (locale: Locale, value: boolean) =>
  locale === 'en' ? (value ? 'Yes' : 'No') : value ? '是' : '否';
