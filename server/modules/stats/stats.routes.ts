import { IdParams } from '../../../common/schemas/common';
import { OrgStats, Period } from '../../../common/schemas/stats';
import { attachment, XLSX_TYPE } from '../../http/attachment';
import { requestLocale } from '../../http/locale';
import { type App, actorOf, type Deps } from '../../http/types';
import { getStats } from './stats.service';
import { statsWorkbook } from './stats-export';

export function statsRoutes(app: App, { database: { db }, clock }: Deps) {
  const tags = ['stats'];
  app.get(
    '/api/v1/orgs/:id/stats',
    { schema: { tags, params: IdParams, querystring: Period, response: { 200: OrgStats } } },
    (request) => getStats(db, actorOf(request), request.params.id, request.query, clock.now()),
  );
  app.get(
    '/api/v1/orgs/:id/stats.xlsx',
    { schema: { tags, params: IdParams, querystring: Period } },
    async (request, reply) => {
      const stats = await getStats(db, actorOf(request), request.params.id, request.query, clock.now());
      const { name, file } = await statsWorkbook(stats, requestLocale(request));
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(name));
      return file;
    },
  );
}
