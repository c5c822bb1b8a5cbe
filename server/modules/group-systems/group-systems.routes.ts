import { IdParams, YearQuery } from '../../../common/schemas/common';
import {
  GroupSystemsInput,
  GroupSystemsKept,
  GroupSystemsSetting,
  GroupSystemsSummary,
} from '../../../common/schemas/group-system';
import { Period } from '../../../common/schemas/stats';
import { type App, actorOf, type Deps } from '../../http/types';
import { getGroupSystems, groupSystemsKept, saveGroupSystems, systemsSummary } from './group-systems.service';

export function groupSystemsRoutes(app: App, { database: { db }, clock }: Deps) {
  const tags = ['party groups'];
  app.get(
    '/api/v1/orgs/:id/group-systems',
    { schema: { tags, params: IdParams, response: { 200: GroupSystemsSetting } } },
    (request) => getGroupSystems(db, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/orgs/:id/group-systems',
    { schema: { tags, params: IdParams, body: GroupSystemsInput, response: { 200: GroupSystemsSetting } } },
    (request) => saveGroupSystems(db, actorOf(request), request.params.id, request.body),
  );
  app.get(
    '/api/v1/orgs/:id/group-systems/kept',
    {
      schema: { tags, params: IdParams, querystring: YearQuery, response: { 200: GroupSystemsKept } },
    },
    (request) => groupSystemsKept(db, actorOf(request), request.params.id, request.query.year, clock.now()),
  );
  app.get(
    '/api/v1/orgs/:id/group-systems/summary',
    { schema: { tags, params: IdParams, querystring: Period, response: { 200: GroupSystemsSummary } } },
    (request) => systemsSummary(db, actorOf(request), request.params.id, request.query, clock.now()),
  );
}
