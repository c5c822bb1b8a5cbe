import { z } from 'zod';
import {
  Account,
  AccountCreate,
  AccountListQuery,
  MemberAccountCreate,
  RoleGrant,
} from '../../../common/schemas/account';
import { Id, IdParams } from '../../../common/schemas/common';
import { type App, actorOf, type Deps } from '../../http/types';
import { createAccount, createMemberAccount, grantRole, listAccounts, revokeRole } from './accounts.service';

export function accountsRoutes(app: App, { database: { db } }: Deps) {
  const tags = ['accounts'];
  app.get(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        querystring: AccountListQuery,
        response: { 200: z.object({ items: z.array(Account) }) },
      },
    },
    async (request) => ({ items: await listAccounts(db, actorOf(request), request.query.orgId) }),
  );
  app.post(
    '/api/v1/accounts',
    { schema: { tags, body: AccountCreate, response: { 201: Account } } },
    async (request, reply) => reply.status(201).send(await createAccount(db, actorOf(request), request.body)),
  );
  app.post(
    '/api/v1/members/:id/account',
    { schema: { tags, params: IdParams, body: MemberAccountCreate, response: { 201: Account } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createMemberAccount(db, actorOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/v1/accounts/:id/roles',
    { schema: { tags, params: IdParams, body: RoleGrant, response: { 200: Account } } },
    (request) => grantRole(db, actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/accounts/:id/roles/:bindingId',
    { schema: { tags, params: z.object({ id: Id, bindingId: Id }), response: { 200: Account } } },
    (request) => revokeRole(db, actorOf(request), request.params.id, request.params.bindingId),
  );
}
