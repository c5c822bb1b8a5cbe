import { z } from 'zod';
import { IdParams } from '../../../common/schemas/common';
import {
  Inspection,
  InspectionInput,
  InspectionListQuery,
  Rectification,
  RectificationAnswer,
  RectificationListQuery,
  SpotCheck,
  SpotCheckQuery,
} from '../../../common/schemas/inspection';
import { type App, actorOf, type Deps } from '../../http/types';
import {
  answerRectification,
  closeRectification,
  createInspection,
  getInspection,
  listInspections,
  listRectifications,
  spotCheck,
} from './inspections.service';

export function inspectionsRoutes(app: App, { database: { db }, clock }: Deps) {
  const tags = ['inspections'];
  app.post(
    '/api/v1/inspections',
    { schema: { tags, body: InspectionInput, response: { 201: Inspection } } },
    async (request, reply) =>
      reply.status(201).send(await createInspection(db, actorOf(request), request.body, clock.now())),
  );
  app.get(
    '/api/v1/inspections/:id',
    { schema: { tags, params: IdParams, response: { 200: Inspection } } },
    (request) => getInspection(db, actorOf(request), request.params.id, clock.now()),
  );
  app.get(
    '/api/v1/orgs/:id/inspections',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: InspectionListQuery,
        response: { 200: z.array(Inspection) },
      },
    },
    (request) => listInspections(db, actorOf(request), request.params.id, request.query, clock.now()),
  );
  app.get(
    '/api/v1/orgs/:id/rectifications',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: RectificationListQuery,
        response: { 200: z.array(Rectification) },
      },
    },
    (request) =>
      listRectifications(db, actorOf(request), request.params.id, request.query.status, clock.now()),
  );
  app.post(
    '/api/v1/rectifications/:id/answer',
    { schema: { tags, params: IdParams, body: RectificationAnswer, response: { 200: Rectification } } },
    (request) =>
      answerRectification(db, actorOf(request), request.params.id, request.body.answer, clock.now()),
  );
  app.post(
    '/api/v1/rectifications/:id/close',
    { schema: { tags, params: IdParams, response: { 200: Rectification } } },
    (request) => closeRectification(db, actorOf(request), request.params.id, clock.now()),
  );
  app.get(
    '/api/v1/activities/:id/spot-check',
    { schema: { tags, params: IdParams, querystring: SpotCheckQuery, response: { 200: SpotCheck } } },
    (request) => spotCheck(db, actorOf(request), request.params.id, request.query.count),
  );
}
