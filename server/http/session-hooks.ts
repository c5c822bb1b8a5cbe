import { timingSafeEqual } from 'node:crypto';
import { sessionCache } from '../access/session-cache';
import { loadActor, SESSION_COOKIE } from '../access/sessions';
import type { Clock } from '../core/clock';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { type App, SAFE_METHODS } from './types';

/** Writes that do not act on a session: logging in creates one. */
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie to an actor on every request, and requires the session's CSRF
 * token in `x-csrf-token` on every cookie-authenticated write (synchronizer-token pattern).
 */
export function sessionHooks(app: App, db: Db, clock: Clock) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const cache = sessionCache(db);
    const cached = token ? cache.get(token) : undefined;
    request.actor = cached ?? (token ? await loadActor(db, token, clock.now()) : null);
    // Remembered from the database read only, never renewed by a hit: a logout or a password
    // change on another instance reaches this one within the cache's lifetime, however busy.
    if (token && request.actor && !cached) cache.set(token, request.actor);
    const path = request.url.split('?')[0]!;
    if (!request.actor || SAFE_METHODS.has(request.method) || CSRF_EXEMPT.has(path)) return;
    const header = request.headers['x-csrf-token'];
    if (typeof header !== 'string' || !sameToken(header, request.actor.csrfToken)) {
      throw new AppError(403, 'csrf', 'errors.auth.csrf');
    }
  });
}
