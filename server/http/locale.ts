import type { FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE, type Locale } from '../../common/enums';

/** The signed-in user's saved language wins; otherwise the browser's, defaulting to Chinese. */
export function requestLocale(request: FastifyRequest): Locale {
  if (request.actor) return request.actor.locale;
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : DEFAULT_LOCALE;
}
