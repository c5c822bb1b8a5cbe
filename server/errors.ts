import type { Params } from '../common/i18n/translate';

/**
 * A refusal the user should read. It carries an i18n key, not a sentence: the error handler
 * translates it into the language of whoever asked.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: string,
    readonly params: Params = {},
    readonly field?: string,
    /** Extra reply members next to `error`, e.g. the problems of a roster import. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(messageKey);
  }
}

export const notFound = () => new AppError(404, 'not_found', 'errors.notFound');
export const forbidden = () => new AppError(403, 'forbidden', 'errors.forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'errors.auth.required');

/** Input that is well-formed but names something invalid (400, naming the field). */
export const invalidField = (field: string, key: string, params: Params = {}) =>
  new AppError(400, 'invalid_input', key, params, field);

/** A rule of the organization that the change would break (422). */
export const ruleBroken = (code: string, key: string, params: Params = {}, field?: string) =>
  new AppError(422, code, key, params, field);

export const conflict = (code: string, key: string, params: Params = {}, field?: string) =>
  new AppError(409, code, key, params, field);
