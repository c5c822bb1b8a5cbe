import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/open';
import { AppError } from './errors';
import { auditHooks } from './http/audit-hooks';
import { compressJson } from './http/compress-json';
import { errorHandler } from './http/error-handler';
import { securityHeaders } from './http/security-headers';
import { sessionHooks } from './http/session-hooks';
import { textGuard } from './http/text-guard';
import type { App, Deps } from './http/types';
import { accountsRoutes } from './modules/accounts/index';
import { activitiesRoutes } from './modules/activities/index';
import { alertsRoutes } from './modules/alerts/index';
import { attendanceRoutes } from './modules/attendance/index';
import { auditRoutes } from './modules/audit/index';
import { authRoutes } from './modules/auth/index';
import { calendarRoutes } from './modules/calendar/index';
import { checklistRoutes } from './modules/checklist/index';
import { groupActivitiesRoutes } from './modules/group-activities/index';
import { groupSystemsRoutes } from './modules/group-systems/index';
import { groupsRoutes } from './modules/groups/index';
import { healthRoutes } from './modules/health/index';
import { inspectionsRoutes } from './modules/inspections/index';
import { ledgerRoutes } from './modules/ledger/index';
import { memberReportsRoutes } from './modules/member-reports/index';
import { membersRoutes } from './modules/members/index';
import { myDataRoutes } from './modules/my-data/index';
import { noticesRoutes } from './modules/notices/index';
import { orgsRoutes } from './modules/orgs/index';
import { plansRoutes } from './modules/plans/index';
import { rankingRoutes } from './modules/ranking/index';
import { recordsRoutes } from './modules/records/index';
import { reportsRoutes } from './modules/reports/index';
import { rosterRoutes } from './modules/roster/index';
import { statsRoutes } from './modules/stats/index';
import { talksRoutes } from './modules/talks/index';
import { venuesRoutes } from './modules/venues/index';

export const CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The whole HTTP app without listening: `main.ts` listens, tests call `inject`. */
export async function buildApp({ database, config, clock }: Deps): Promise<App> {
  const app = Fastify({
    logger: config.env === 'test' ? false : { level: config.logLevel },
    // A line per request buries what matters on a terminal; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    // Believing X-Forwarded-For from anyone would let a client pick its address, and so its
    // login throttle; only the configured proxies are believed.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 20 } });
  securityHeaders(app, config);
  compressJson(app);
  textGuard(app);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Vanguard API', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vg_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  sessionHooks(app, database.db, clock);
  auditHooks(app, clock);
  const deps = { database, config, clock };
  for (const routes of [
    healthRoutes,
    authRoutes,
    orgsRoutes,
    groupsRoutes,
    groupActivitiesRoutes,
    groupSystemsRoutes,
    memberReportsRoutes,
    talksRoutes,
    membersRoutes,
    accountsRoutes,
    rosterRoutes,
    venuesRoutes,
    calendarRoutes,
    plansRoutes,
    activitiesRoutes,
    noticesRoutes,
    attendanceRoutes,
    ledgerRoutes,
    statsRoutes,
    inspectionsRoutes,
    rankingRoutes,
    checklistRoutes,
    alertsRoutes,
    reportsRoutes,
    auditRoutes,
    myDataRoutes,
    recordsRoutes,
  ]) {
    routes(app, deps);
  }
  await serveClient(app);
  return app;
}

/** The built single-page client, with every unknown non-API path answered by its index.html. */
async function serveClient(app: App) {
  const hasClient = fs.existsSync(path.join(CLIENT_DIR, 'index.html'));
  if (hasClient)
    await app.register(fastifyStatic, {
      root: CLIENT_DIR,
      preCompressed: true,
      // Hashed file names change with their content: a phone keeps them for good and asks again
      // only for index.html, which names the current ones.
      cacheControl: false,
      setHeaders: (response, file) => {
        response.setHeader(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : 'no-cache',
        );
      },
    });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasClient || request.method !== 'GET') {
      throw new AppError(404, 'not_found', 'errors.notFound');
    }
    return reply.sendFile('index.html');
  });
}

export type { Config, Database };
