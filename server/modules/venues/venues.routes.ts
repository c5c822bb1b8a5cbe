import { z } from 'zod';
import { IdParams, Ok } from '../../../common/schemas/common';
import { Venue, VenueCreate, VenueUpdate } from '../../../common/schemas/venue';
import { type App, actorOf, type Deps } from '../../http/types';
import { createVenue, deleteVenue, listVenues, updateVenue } from './venues.service';

export function venuesRoutes(app: App, { database: { db } }: Deps) {
  const tags = ['venues'];
  app.get(
    '/api/v1/orgs/:id/venues',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Venue) }) } } },
    async (request) => ({ items: await listVenues(db, actorOf(request), request.params.id) }),
  );
  app.post(
    '/api/v1/orgs/:id/venues',
    { schema: { tags, params: IdParams, body: VenueCreate, response: { 201: Venue } } },
    async (request, reply) =>
      reply.status(201).send(await createVenue(db, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/venues/:id',
    { schema: { tags, params: IdParams, body: VenueUpdate, response: { 200: Venue } } },
    (request) => updateVenue(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/venues/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await deleteVenue(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
