import { IdParams } from '../../../common/schemas/common';
import {
  MemberCreate,
  MemberDetail,
  MemberListQuery,
  MemberPage,
  MemberTransfer,
  MemberUpdate,
  Revealed,
  RevealRequest,
  StatusChange,
} from '../../../common/schemas/member';
import { type App, actorOf, type Deps } from '../../http/types';
import {
  changeStatus,
  createMember,
  getMember,
  listMembers,
  revealMember,
  transferMember,
  updateMember,
} from './members.service';

export function membersRoutes(app: App, { database: { db }, clock }: Deps) {
  const tags = ['members'];
  app.get(
    '/api/v1/members',
    { schema: { tags, querystring: MemberListQuery, response: { 200: MemberPage } } },
    (request) => listMembers(db, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/members/:id',
    { schema: { tags, params: IdParams, response: { 200: MemberDetail } } },
    (request) => getMember(db, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/members',
    { schema: { tags, body: MemberCreate, response: { 201: MemberDetail } } },
    async (request, reply) =>
      reply.status(201).send(await createMember(db, actorOf(request), request.body, clock.now())),
  );
  app.patch(
    '/api/v1/members/:id',
    { schema: { tags, params: IdParams, body: MemberUpdate, response: { 200: MemberDetail } } },
    (request) => updateMember(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/members/:id/reveal',
    { schema: { tags, params: IdParams, body: RevealRequest, response: { 200: Revealed } } },
    (request) => revealMember(db, actorOf(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/v1/members/:id/status',
    { schema: { tags, params: IdParams, body: StatusChange, response: { 200: MemberDetail } } },
    (request) => changeStatus(db, actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/members/:id/transfer',
    { schema: { tags, params: IdParams, body: MemberTransfer, response: { 200: MemberDetail } } },
    (request) => transferMember(db, actorOf(request), request.params.id, request.body),
  );
}
