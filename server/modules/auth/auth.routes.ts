import { ChangePasswordRequest, LocaleUpdate, LoginRequest, Me } from '../../../common/schemas/auth';
import { ApiErrorBody, Ok } from '../../../common/schemas/common';
import { sessionCache } from '../../access/session-cache';
import { deleteSession, SESSION_COOKIE, sessionCsrf } from '../../access/sessions';
import { type App, actorOf, type Deps } from '../../http/types';
import { changePassword, loadMe, login, setLocale } from './auth.service';

export function authRoutes(app: App, { database, config, clock }: Deps) {
  const { db } = database;
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    maxAge: config.sessionDays * 86_400,
  };

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: LoginRequest,
        response: { 200: Me, 401: ApiErrorBody, 429: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const { token, userId } = await login(db, config, request.body, request.ip, clock.now());
      const csrf = (await sessionCsrf(db, token))!;
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return loadMe(db, config, userId, csrf);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], response: { 200: Ok } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        await deleteSession(db, token);
        sessionCache(db).forgetToken(token);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { tags: ['auth'], response: { 200: Me, 401: ApiErrorBody } } },
    async (request) => {
      const actor = actorOf(request);
      return loadMe(db, config, actor.userId, actor.csrfToken);
    },
  );

  app.post(
    '/api/v1/me/password',
    { schema: { tags: ['auth'], body: ChangePasswordRequest, response: { 200: Ok } } },
    async (request) => {
      await changePassword(db, actorOf(request), request.body, request.cookies[SESSION_COOKIE]!);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/v1/me/locale',
    { schema: { tags: ['auth'], body: LocaleUpdate, response: { 200: Ok } } },
    async (request) => {
      await setLocale(db, actorOf(request), request.body.locale);
      return { ok: true as const };
    },
  );
}
