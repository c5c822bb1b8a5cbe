import type { Locale } from '../enums';
import en from './en.json';
import zhCN from './zh-CN.json';

export const messages = { 'zh-CN': zhCN, en } as const;

export type Params = Record<string, string | number>;

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Outside React (the server, error replies) we translate with the same files and the same
 * `{{name}}` interpolation as i18next, so one message reads the same wherever it is shown.
 */
export function translate(locale: Locale, key: string, params: Params = {}): string {
  const template = lookup(messages[locale], key) ?? lookup(messages['zh-CN'], key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = String(params[name] ?? '');
    // A parameter may itself be a vocabulary key (`enums.orgLevel.branch`), shown in the same language.
    return value.startsWith('enums.') ? (lookup(messages[locale], value) ?? value) : value;
  });
}

/** The label of a request field, e.g. `idNumber` → 身份证号; nested paths use their last part. */
export function fieldLabel(locale: Locale, field: string): string {
  const last =
    field
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? field;
  return lookup(messages[locale], `fields.${last}`) ?? field;
}
