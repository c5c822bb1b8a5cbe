import { z } from 'zod';
import { IdParams, OrgYearParams } from '../../../common/schemas/common';
import {
  PublishedRanking,
  PublishedRankingSummary,
  Ranking,
  RankingQuery,
  ScoringScheme,
  ScoringSchemeInput,
} from '../../../common/schemas/ranking';
import { attachment, XLSX_TYPE } from '../../http/attachment';
import { requestLocale } from '../../http/locale';
import { type App, actorOf, type Deps } from '../../http/types';
import { getPublished, getRanking, listPublished, publishRanking } from './ranking.service';
import { rankingWorkbook } from './ranking-export';
import { getScheme, saveScheme } from './scheme';

export function rankingRoutes(app: App, { database: { db }, config, clock }: Deps) {
  const tags = ['ranking'];
  app.get(
    '/api/v1/orgs/:id/scoring-scheme/:year',
    { schema: { tags, params: OrgYearParams, response: { 200: ScoringScheme } } },
    (request) => getScheme(db, actorOf(request), request.params.id, request.params.year),
  );
  app.put(
    '/api/v1/orgs/:id/scoring-scheme/:year',
    { schema: { tags, params: OrgYearParams, body: ScoringSchemeInput, response: { 200: ScoringScheme } } },
    (request) =>
      saveScheme(
        db,
        actorOf(request),
        request.params.id,
        request.params.year,
        request.body.weights,
        clock.now(),
      ),
  );
  app.get(
    '/api/v1/orgs/:id/ranking',
    { schema: { tags, params: IdParams, querystring: RankingQuery, response: { 200: Ranking } } },
    (request) => getRanking(db, config, actorOf(request), request.params.id, request.query, clock.now()),
  );
  app.get(
    '/api/v1/orgs/:id/ranking.xlsx',
    { schema: { tags, params: IdParams, querystring: RankingQuery } },
    async (request, reply) => {
      const ranking = await getRanking(
        db,
        config,
        actorOf(request),
        request.params.id,
        request.query,
        clock.now(),
      );
      const { name, file } = await rankingWorkbook(ranking, requestLocale(request));
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(name));
      return file;
    },
  );
  app.post(
    '/api/v1/orgs/:id/rankings',
    { schema: { tags, params: IdParams, body: RankingQuery, response: { 201: PublishedRanking } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await publishRanking(db, config, actorOf(request), request.params.id, request.body, clock.now()),
        ),
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
