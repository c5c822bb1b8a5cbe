import { z } from 'zod';
import { IdParams, Ok, YearQuery } from '../../../common/schemas/common';
import {
  AdoptRecommendation,
  PlanEntry,
  PlanEntryInput,
  PlanParams,
  Recommendation,
  RecommendationInput,
} from '../../../common/schemas/plan';
import { type App, actorOf, type Deps } from '../../http/types';
import {
  adoptRecommendation,
  deletePlan,
  deleteRecommendation,
  listPlans,
  listRecommendations,
  publishRecommendation,
  savePlan,
} from './plans.service';

/** A branch's monthly plans, and the themes supervisors recommend for them. */
export function plansRoutes(app: App, { database: { db }, clock }: Deps) {
  const tags = ['fixed day'];
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
}
