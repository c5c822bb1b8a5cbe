import type { TFunction } from 'i18next';
import { ApiError } from '../api';

/** The server's message in the user's language, or a general one when the server never answered. */
export function errorText(error: unknown, t: TFunction): string {
  return error instanceof ApiError ? error.message : t('common.unexpectedError');
}
