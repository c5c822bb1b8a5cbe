import { z } from 'zod';
import { IdParams, Ok } from '../../../common/schemas/common';
import { GroupCreate, GroupUpdate, PartyGroup } from '../../../common/schemas/group';
import { type App, actorOf, type Deps } from '../../http/types';
import { createGroup, deleteGroup, listGroups, updateGroup } from './groups.service';

export function groupsRoutes(app: App, { database: { db } }: Deps) {
  const tags = ['party groups'];
  app.get(
    '/api/v1/orgs/:id/groups',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(PartyGroup) }) } } },
    async (request) => ({ items: await listGroups(db, actorOf(request), request.params.id) }),
  );
  app.post(
    '/api/v1/orgs/:id/groups',
    { schema: { tags, params: IdParams, body: GroupCreate, response: { 201: PartyGroup } } },
    async (request, reply) =>
      reply.status(201).send(await createGroup(db, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/groups/:id',
    { schema: { tags, params: IdParams, body: GroupUpdate, response: { 200: PartyGroup } } },
    (request) => updateGroup(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/groups/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await deleteGroup(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
