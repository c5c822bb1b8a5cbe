import { IdParams } from '../../../common/schemas/common';
import { Talk, TalkInput, TalkList } from '../../../common/schemas/talk';
import { type App, actorOf, type Deps } from '../../http/types';
import { getTalk, myTalks, orgTalks, recordTalk } from './talks.service';

export function talksRoutes(app: App, { database: { db }, clock }: Deps) {
  const tags = ['talks'];
  app.post(
    '/api/v1/orgs/:id/talks',
    { schema: { tags, params: IdParams, body: TalkInput, response: { 201: Talk } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordTalk(db, actorOf(request), request.params.id, request.body, clock.now())),
  );
  app.get(
    '/api/v1/orgs/:id/talks',
    { schema: { tags, params: IdParams, response: { 200: TalkList } } },
    async (request) => ({ items: await orgTalks(db, actorOf(request), request.params.id) }),
  );
  app.get('/api/v1/me/talks', { schema: { tags, response: { 200: TalkList } } }, async (request) => ({
    items: await myTalks(db, actorOf(request)),
  }));
  app.get('/api/v1/talks/:id', { schema: { tags, params: IdParams, response: { 200: Talk } } }, (request) =>
    getTalk(db, actorOf(request), request.params.id),
  );
}
