import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type zhCN from '../../common/i18n/zh-CN.json';

export type FieldName = keyof typeof zhCN.fields;
type ValidationKey = `errors.validation.${keyof typeof zhCN.errors.validation}`;

function issueText(issue: z.core.$ZodIssue, empty: boolean, label: string, t: TFunction): string {
  const params = { field: label };
  // The common schemas name their own message keys; zod's built-in checks are mapped like the server does.
  if (issue.message.startsWith('errors.validation.')) return t(issue.message as ValidationKey, params);
  // Nothing entered: whatever zod calls it (missing value, not in the enum), the user reads "required".
  if (empty) return t('errors.validation.required', params);
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? t('errors.validation.tooLong', { ...params, max: String(issue.maximum) })
        : t('errors.validation.tooBig', { ...params, max: String(issue.maximum) });
    case 'too_small':
      return t('errors.validation.tooSmall', { ...params, min: String(issue.minimum) });
    case 'invalid_type':
      return t('errors.validation.type', params);
    case 'invalid_value':
      return t('errors.validation.enum', params);
    default:
      return t('errors.validation.invalid', params);
  }
}

/**
 * An antd form rule from a field of a common request schema, so the form refuses what the
 * server would refuse, with the same words, before the request is sent.
 */
export function zodRule(schema: z.ZodType, field: FieldName, t: TFunction): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const input = value === '' || value === null ? undefined : value;
      const result = schema.safeParse(input);
      const issue = result.success ? undefined : result.error.issues[0];
      if (issue) throw new Error(issueText(issue, input === undefined, t(`fields.${field}`), t));
    },
  };
}
