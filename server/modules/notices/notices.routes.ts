import { z } from 'zod';
import { IdParams, Ok } from '../../../common/schemas/common';
import { Inbox, Webhook, WebhookInput } from '../../../common/schemas/notice';
import { type App, actorOf, type Deps } from '../../http/types';
import { inbox, markRead } from './notices.service';
import { getWebhook, saveWebhook } from './webhook';

export function noticesRoutes(app: App, { database: { db }, config, clock }: Deps) {
  const tags = ['notices'];
  app.get('/api/v1/me/inbox', { schema: { tags, response: { 200: Inbox } } }, (request) =>
    inbox(db, actorOf(request)),
  );
  app.post(
    '/api/v1/me/inbox/:id/read',
    { schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (request) => {
      await markRead(db, actorOf(request), request.params.id, clock.now());
      return { ok: true as const };
    },
  );
  app.post('/api/v1/me/inbox/read-all', { schema: { tags, response: { 200: Ok } } }, async (request) => {
    await markRead(db, actorOf(request), 'all', clock.now());
    return { ok: true as const };
  });
  app.get(
    '/api/v1/orgs/:id/webhook',
    { schema: { tags, params: IdParams, response: { 200: z.union([Webhook, z.null()]) } } },
    (request) => getWebhook(db, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/orgs/:id/webhook',
    { schema: { tags, params: IdParams, body: WebhookInput, response: { 200: Webhook } } },
    (request) => saveWebhook(db, config, actorOf(request), request.params.id, request.body),
  );
}
