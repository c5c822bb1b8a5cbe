import { z } from 'zod';
import { IdParams } from '../../../common/schemas/common';
import { Ledger, LedgerQuery, LedgerVerification } from '../../../common/schemas/ledger';
import { CalendarFeeds, MyActivities } from '../../../common/schemas/notice';
import { attachment } from '../../http/attachment';
import { requestLocale } from '../../http/locale';
import { type App, actorOf, type Deps } from '../../http/types';
import { localStorage } from '../../storage/local';
import { myActivities } from '../attendance/my-activities';
import { branchFeed, calendarFeeds, memberFeed } from '../calendar/ical';
import { getLedger, verifyLedger } from './ledger.service';
import { ledgerPdf, ledgerWorkbook } from './ledger-export';

export function ledgerRoutes(app: App, { database: { db }, config }: Deps) {
  const tags = ['ledger'];
  const storage = localStorage(config.filesDir);
  app.get(
    '/api/v1/orgs/:id/ledger',
    { schema: { tags, params: IdParams, querystring: LedgerQuery, response: { 200: Ledger } } },
    (request) => getLedger(db, actorOf(request), request.params.id, request.query.year),
  );
  app.get(
    '/api/v1/orgs/:id/ledger/verify',
    { schema: { tags, params: IdParams, response: { 200: LedgerVerification } } },
    (request) => verifyLedger(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/orgs/:id/ledger.xlsx',
    { schema: { tags, params: IdParams, querystring: LedgerQuery } },
    async (request, reply) => {
      const { name, file } = await ledgerWorkbook(
        db,
        actorOf(request),
        request.params.id,
        request.query.year,
        requestLocale(request),
      );
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(name));
      return file;
    },
  );
  app.get(
    '/api/v1/orgs/:id/ledger.pdf',
    { schema: { tags, params: IdParams, querystring: LedgerQuery } },
    async (request, reply) => {
      const { name, file } = await ledgerPdf(
        db,
        storage,
        actorOf(request),
        request.params.id,
        request.query.year,
        requestLocale(request),
      );
      reply.header('content-type', 'application/pdf').header('content-disposition', attachment(name));
      return file;
    },
  );

  const ics = 'text/calendar; charset=utf-8';
  app.get(
    '/api/v1/orgs/:id/calendar.ics',
    {
      schema: {
        tags: ['calendar'],
        params: IdParams,
        querystring: z.object({ key: z.string().max(100).optional() }),
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', ics)
        .send(await branchFeed(db, request.actor, request.params.id, request.query.key)),
  );
  app.get(
    '/api/v1/calendar/:token.ics',
    { schema: { tags: ['calendar'], params: z.object({ token: z.string().regex(/^[\w-]{10,64}$/) }) } },
    async (request, reply) =>
      reply.header('content-type', ics).send(await memberFeed(db, request.params.token)),
  );
  app.get(
    '/api/v1/me/calendar-feeds',
    {
      schema: {
        tags: ['calendar'],
        querystring: z.object({ orgId: z.coerce.number().int().positive().optional() }),
        response: { 200: CalendarFeeds },
      },
    },
    (request) =>
      calendarFeeds(
        db,
        config,
        actorOf(request),
        request.query.orgId,
        `${request.protocol}://${request.host}`,
      ),
  );
  app.get(
    '/api/v1/me/activities',
    { schema: { tags: ['attendance'], response: { 200: MyActivities } } },
    (request) => myActivities(db, actorOf(request)),
  );
}
