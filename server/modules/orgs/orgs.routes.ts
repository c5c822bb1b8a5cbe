import { IdParams, Ok } from '../../../common/schemas/common';
import { Org, OrgCreate, OrgMove, OrgTree, OrgUpdate } from '../../../common/schemas/org';
import { type App, actorOf, type Deps } from '../../http/types';
import { createOrg, dissolveOrg, getOrg, getTree, moveOrg, updateOrg } from './orgs.service';

export function orgsRoutes(app: App, { database: { db } }: Deps) {
  const tags = ['orgs'];
  app.get('/api/v1/orgs/tree', { schema: { tags, response: { 200: OrgTree } } }, (request) =>
    getTree(db, actorOf(request)),
  );
  app.get('/api/v1/orgs/:id', { schema: { tags, params: IdParams, response: { 200: Org } } }, (request) =>
    getOrg(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/orgs',
    { schema: { tags, body: OrgCreate, response: { 201: Org } } },
    async (request, reply) => reply.status(201).send(await createOrg(db, actorOf(request), request.body)),
  );
  app.patch(
    '/api/v1/orgs/:id',
    { schema: { tags, params: IdParams, body: OrgUpdate, response: { 200: Org } } },
    (request) => updateOrg(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/orgs/:id/move',
    { schema: { tags, params: IdParams, body: OrgMove, response: { 200: Org } } },
    (request) => moveOrg(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/orgs/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await dissolveOrg(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
