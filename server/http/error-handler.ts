import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import type { Locale } from '../../common/enums';
import { fieldLabel, translate } from '../../common/i18n/translate';
import { isDatabaseUnreachable } from '../db/unreachable';
import { AppError } from '../errors';
import { requestLocale } from './locale';

/** Seconds a client waits before trying again while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** The parts of a zod issue we read; fastify's validation errors carry the same under other names. */
export type ZodIssueLike = { code: string; path: PropertyKey[]; message: string } & Record<string, unknown>;

/** One zod issue as a sentence that names the field, in the user's language. */
export function describeIssue(
  locale: Locale,
  issue: ZodIssueLike,
  label?: string,
): { field: string; message: string } {
  const keys = issue.keys as string[] | undefined;
  const path = issue.path.map(String).join('.');
  const field = keys?.length ? keys.join(', ') : path;
  const params: Record<string, string | number> = {
    field: label ?? (keys?.length ? field : fieldLabel(locale, path)),
  };
  let key = 'errors.validation.invalid';
  if (issue.message.startsWith('errors.')) key = issue.message;
  else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
    key = 'errors.validation.required';
  else if (issue.code === 'invalid_type') key = 'errors.validation.type';
  else if (issue.code === 'too_small') {
    key =
      issue.origin === 'string' && issue.minimum === 1
        ? 'errors.validation.required'
        : 'errors.validation.tooSmall';
    params.min = Number(issue.minimum);
  } else if (issue.code === 'too_big') {
    key = issue.origin === 'string' ? 'errors.validation.tooLong' : 'errors.validation.tooBig';
    params.max = Number(issue.maximum);
  } else if (issue.code === 'invalid_value' || issue.code === 'invalid_union') key = 'errors.validation.enum';
  else if (issue.code === 'unrecognized_keys') key = 'errors.validation.unknownField';
  return { field: field || 'body', message: translate(locale, key, params) };
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  if (error instanceof AppError) {
    return reply.status(error.status).send({
      error: {
        code: error.code,
        message: translate(locale, error.messageKey, error.params),
        ...(error.field ? { field: error.field } : {}),
      },
      ...error.extra,
    });
  }
  // A body read by hand (a form with a photo) is validated by its schema the same way.
  if (error instanceof ZodError) {
    const { field, message } = describeIssue(locale, error.issues[0] as unknown as ZodIssueLike);
    return reply.status(400).send({ error: { code: 'invalid_input', message, field } });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0]!;
    const { field, message } = describeIssue(locale, {
      ...first.params,
      code: first.keyword,
      path: first.instancePath.split('/').filter(Boolean),
      message: first.message ?? '',
    });
    return reply.status(400).send({ error: { code: 'invalid_input', message, field } });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return reply.status(400).send({
      error: { code: 'invalid_input', message: translate(locale, 'errors.validation.body'), field: 'body' },
    });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return reply
      .status(413)
      .send({ error: { code: 'too_large', message: translate(locale, 'errors.tooLarge'), field: 'body' } });
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply.status(415).send({ error: { code: 'unsupported_media_type', message: error.message } });
  }
  if (isDatabaseUnreachable(error)) {
    // The pool reconnects by itself once the server is back; the client is told when to retry.
    request.log.warn(`database unreachable: ${error.message}`);
    return reply
      .status(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({ error: { code: 'unavailable', message: translate(locale, 'errors.unavailable') } });
  }
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) request.log.error(error);
  return reply.status(status).send({
    error: {
      code: status === 500 ? 'internal' : (error.code ?? 'bad_request').toLowerCase(),
      message: status === 500 ? translate(locale, 'errors.internal') : error.message,
    },
  });
}
