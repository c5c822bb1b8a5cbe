import { z } from 'zod';
import { Calendar, CalendarQuery } from '../../../common/schemas/calendar';
import { IdParams } from '../../../common/schemas/common';
import { CalendarFeeds } from '../../../common/schemas/notice';
import { type App, actorOf, type Deps } from '../../http/types';
import { getCalendar } from './calendar.service';
import { branchFeed, calendarFeeds, memberFeed } from './ical';

export function calendarRoutes(app: App, { database: { db }, config, clock }: Deps) {
  const tags = ['fixed day'];
  app.get(
    '/api/v1/orgs/:id/calendar',
    { schema: { tags, params: IdParams, querystring: CalendarQuery, response: { 200: Calendar } } },
    (request) =>
      getCalendar(
        db,
        actorOf(request),
        request.params.id,
        request.query.year,
        request.query.month,
        clock.now(),
      ),
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
        .send(await branchFeed(db, request.actor, request.params.id, request.query.key, clock.now())),
  );
  app.get(
    '/api/v1/calendar/:token.ics',
    { schema: { tags: ['calendar'], params: z.object({ token: z.string().regex(/^[\w-]{10,64}$/) }) } },
    async (request, reply) =>
      reply.header('content-type', ics).send(await memberFeed(db, request.params.token, clock.now())),
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
}
