import type { FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock';
import { type AuditContext, withAudit } from '../db/audit-context';
import { type App, SAFE_METHODS } from './types';

/**
 * Every write request runs as an audit context: who (the signed-in account, or nobody for a
 * sign-in), when (the app's clock), from where (the address the proxy setting believes) and
 * through which route. The database's triggers record what it changed.
 */
export function auditHooks(app: App, clock: Clock) {
  // A callback hook, so that the route's handler runs inside the context it opens.
  app.addHook('preHandler', (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    withAudit(auditContextOf(request, clock), done);
  });
}

/** The audit context of a request; a read that discloses personal data opens one itself. */
export function auditContextOf(request: FastifyRequest, clock: Clock): AuditContext {
  return {
    userId: request.actor?.userId ?? null,
    username: request.actor?.username ?? null,
    ip: request.ip,
    route: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
    requestId: request.id,
    at: clock.now().toISOString(),
  };
}
