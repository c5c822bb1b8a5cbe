import { z } from 'zod';
import {
  Activity,
  ActivityCancel,
  ActivityChange,
  ActivityCreate,
  ActivitySummary,
  ActivityUpdate,
} from '../../../common/schemas/activity';
import { IdParams, IsoDate } from '../../../common/schemas/common';
import { type App, actorOf, type Deps } from '../../http/types';
import {
  activityHistory,
  cancelActivity,
  createActivity,
  getActivity,
  listActivities,
  updateActivity,
} from './activities.service';

export function activitiesRoutes(app: App, { database: { db }, config, clock }: Deps) {
  const tags = ['activities'];
  app.post(
    '/api/v1/activities',
    { schema: { tags, body: ActivityCreate, response: { 201: Activity } } },
    async (request, reply) =>
      reply.status(201).send(await createActivity(db, config, actorOf(request), request.body, clock.now())),
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
    '/api/v1/activities/:id',
    { schema: { tags, params: IdParams, response: { 200: Activity } } },
    (request) => getActivity(db, actorOf(request), request.params.id),
  );
  app.patch(
    '/api/v1/activities/:id',
    { schema: { tags, params: IdParams, body: ActivityUpdate, response: { 200: Activity } } },
    (request) => updateActivity(db, config, actorOf(request), request.params.id, request.body, clock.now()),
  );
  app.post(
    '/api/v1/activities/:id/cancel',
    { schema: { tags, params: IdParams, body: ActivityCancel, response: { 200: Activity } } },
    (request) =>
      cancelActivity(db, config, actorOf(request), request.params.id, request.body.reason, clock.now()),
  );
  app.get(
    '/api/v1/activities/:id/history',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(ActivityChange) }) } } },
    async (request) => ({ items: await activityHistory(db, actorOf(request), request.params.id) }),
  );
}
