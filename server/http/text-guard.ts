import { fieldLabel, translate } from '../../common/i18n/translate';
import { requestLocale } from './locale';
import type { App } from './types';

const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string PostgreSQL cannot store: a NUL, or half of a UTF-16 pair. */
export function unstorableText(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = unstorableText(inner, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * Every request's parameters, query and JSON body are checked for text PostgreSQL would refuse
 * with an error (a 500 to the user): one check for all routes instead of a rule on each field.
 */
export function textGuard(app: App) {
  app.addHook('preValidation', async (request, reply) => {
    for (const part of [request.params, request.query, request.body]) {
      const path = unstorableText(part);
      if (!path) continue;
      const field = path.join('.') || 'body';
      const locale = requestLocale(request);
      return reply.status(400).send({
        error: {
          code: 'invalid_input',
          field,
          message: translate(locale, 'errors.validation.badText', { field: fieldLabel(locale, field) }),
        },
      });
    }
  });
}
