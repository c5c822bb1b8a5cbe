import { Alert, AlertList, AlertListQuery } from '../../../common/schemas/alert';
import { IdParams } from '../../../common/schemas/common';
import { type App, actorOf, type Deps } from '../../http/types';
import { acknowledgeAlert, listAlerts } from './alerts.service';

export function alertsRoutes(app: App, { database: { db }, clock }: Deps) {
  const tags = ['alerts'];
  app.get(
    '/api/v1/alerts',
    { schema: { tags, querystring: AlertListQuery, response: { 200: AlertList } } },
    (request) => listAlerts(db, actorOf(request), request.query.status),
  );
  app.post(
    '/api/v1/alerts/:id/ack',
    { schema: { tags, params: IdParams, response: { 200: Alert } } },
    (request) => acknowledgeAlert(db, actorOf(request), request.params.id, clock.now()),
  );
}
