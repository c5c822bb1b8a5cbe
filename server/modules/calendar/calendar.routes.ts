import { z } from 'zod';
import { ActivitySummary } from '../../../common/schemas/activity';
import { Calendar, CalendarQuery } from '../../../common/schemas/calendar';
import { IdParams, IsoDate, Ok } from '../../../common/schemas/common';
import { CalendarFeeds } from '../../../common/schemas/notice';
import {
  AdoptRecommendation,
  PlanEntry,
  PlanEntryInput,
  PlanParams,
  Recommendation,
  RecommendationInput,
} from '../../../common/schemas/plan';
import { type App, actorOf, type Deps } from '../../http/types';
import { listActivities } from '../activities/activities.service';
import {
  adoptRecommendation,
  deletePlan,
  deleteRecommendation,
  listPlans,
  listRecommendations,
  publishRecommendation,
  savePlan,
} from '../plans/plans.service';
import { getCalendar } from './calendar.service';
import { branchFeed, calendarFeeds, memberFeed } from './ical';

const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

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
  app.get(
    '/api/v1/orgs/:id/activities',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ from: IsoDate, to: IsoDate }),
        response: { 200: z.object({ items: z.array(ActivitySummary) }) },
      },
    },
    async (request) => ({
      items: await listActivities(
        db,
        actorOf(request),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
    }),
  );
  app.get(
    '/api/v1/orgs/:id/plans',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: YearQuery,
        response: { 200: z.object({ items: z.array(PlanEntry) }) },
      },
    },
    async (request) => ({
      items: await listPlans(db, actorOf(request), request.params.id, request.query.year),
    }),
  );
  app.put(
    '/api/v1/orgs/:id/plans/:year/:month',
    { schema: { tags, params: PlanParams, body: PlanEntryInput, response: { 200: PlanEntry } } },
    (request) =>
      savePlan(
        db,
        actorOf(request),
        request.params.id,
        request.params.year,
        request.params.month,
        request.body,
        clock.now(),
      ),
  );
  app.delete(
    '/api/v1/orgs/:id/plans/:year/:month',
    { schema: { tags, params: PlanParams, response: { 200: Ok } } },
    async (request) => {
      await deletePlan(db, actorOf(request), request.params.id, request.params.year, request.params.month);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/orgs/:id/plans/:year/:month/adopt',
    { schema: { tags, params: PlanParams, body: AdoptRecommendation, response: { 200: PlanEntry } } },
    (request) =>
      adoptRecommendation(
        db,
        actorOf(request),
        request.params.id,
        request.params.year,
        request.params.month,
        request.body.recommendationId,
        clock.now(),
      ),
  );
  app.get(
    '/api/v1/orgs/:id/recommendations',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: YearQuery,
        response: { 200: z.object({ items: z.array(Recommendation) }) },
      },
    },
    async (request) => ({
      items: await listRecommendations(db, actorOf(request), request.params.id, request.query.year),
    }),
  );
  app.post(
    '/api/v1/orgs/:id/recommendations',
    { schema: { tags, params: IdParams, body: RecommendationInput, response: { 201: Recommendation } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await publishRecommendation(db, actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/v1/recommendations/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await deleteRecommendation(db, actorOf(request), request.params.id);
      return { ok: true as const };
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
