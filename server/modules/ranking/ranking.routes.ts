import { z } from 'zod';
import { Id, IdParams } from '../../../common/schemas/common';
import {
  PublishedRanking,
  PublishedRankingSummary,
  Ranking,
  RankingQuery,
  ScoringScheme,
  ScoringSchemeInput,
} from '../../../common/schemas/ranking';
import { attachment } from '../../http/attachment';
import { requestLocale } from '../../http/locale';
import { type App, actorOf, type Deps } from '../../http/types';
import { getPublished, getRanking, listPublished, publishRanking } from './ranking.service';
import { rankingWorkbook } from './ranking-export';
import { getScheme, saveScheme } from './scheme';

const YearParams = z.object({ id: Id, year: z.coerce.number().int().min(2000).max(2100) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function rankingRoutes(app: App, { database: { db }, config }: Deps) {
  const tags = ['ranking'];
  app.get(
    '/api/v1/orgs/:id/scoring-scheme/:year',
    { schema: { tags, params: YearParams, response: { 200: ScoringScheme } } },
    (request) => getScheme(db, actorOf(request), request.params.id, request.params.year),
  );
  app.put(
    '/api/v1/orgs/:id/scoring-scheme/:year',
    { schema: { tags, params: YearParams, body: ScoringSchemeInput, response: { 200: ScoringScheme } } },
    (request) =>
      saveScheme(db, actorOf(request), request.params.id, request.params.year, request.body.weights),
  );
  app.get(
    '/api/v1/orgs/:id/ranking',
    { schema: { tags, params: IdParams, querystring: RankingQuery, response: { 200: Ranking } } },
    (request) => getRanking(db, config, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/v1/orgs/:id/ranking.xlsx',
    { schema: { tags, params: IdParams, querystring: RankingQuery } },
    async (request, reply) => {
      const ranking = await getRanking(db, config, actorOf(request), request.params.id, request.query);
      const { name, file } = await rankingWorkbook(ranking, requestLocale(request));
      reply.header('content-type', XLSX).header('content-disposition', attachment(name));
      return file;
    },
  );
  app.post(
    '/api/v1/orgs/:id/rankings',
    { schema: { tags, params: IdParams, body: RankingQuery, response: { 201: PublishedRanking } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await publishRanking(db, config, actorOf(request), request.params.id, request.body)),
  );
  app.get(
    '/api/v1/orgs/:id/rankings',
    { schema: { tags, params: IdParams, response: { 200: z.array(PublishedRankingSummary) } } },
    (request) => listPublished(db, actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/rankings/:id',
    { schema: { tags, params: IdParams, response: { 200: PublishedRanking } } },
    (request) => getPublished(db, actorOf(request), request.params.id),
  );
}
