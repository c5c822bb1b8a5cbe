import { IdParams } from '../../../common/schemas/common';
import {
  MemberReport,
  MemberReportInput,
  MemberReportList,
  MemberReportQuery,
  MemberReportReply,
} from '../../../common/schemas/member-report';
import { type App, actorOf, type Deps } from '../../http/types';
import {
  getReport,
  groupReports,
  myReports,
  orgReports,
  replyToReport,
  writeReport,
} from './member-reports.service';

export function memberReportsRoutes(app: App, { database: { db }, clock }: Deps) {
  const tags = ['member reports'];
  app.post(
    '/api/v1/me/reports',
    { schema: { tags, body: MemberReportInput, response: { 201: MemberReport } } },
    async (request, reply) =>
      reply.status(201).send(await writeReport(db, actorOf(request), request.body, clock.now())),
  );
  app.get('/api/v1/me/reports', { schema: { tags, response: { 200: MemberReportList } } }, (request) =>
    myReports(db, actorOf(request), clock.now()),
  );
  app.get(
    '/api/v1/orgs/:id/member-reports',
    {
      schema: { tags, params: IdParams, querystring: MemberReportQuery, response: { 200: MemberReportList } },
    },
    (request) =>
      orgReports(db, actorOf(request), request.params.id, request.query.status === 'waiting', clock.now()),
  );
  app.get(
    '/api/v1/groups/:id/member-reports',
    {
      schema: { tags, params: IdParams, querystring: MemberReportQuery, response: { 200: MemberReportList } },
    },
    (request) =>
      groupReports(db, actorOf(request), request.params.id, request.query.status === 'waiting', clock.now()),
  );
  app.get(
    '/api/v1/member-reports/:id',
    { schema: { tags, params: IdParams, response: { 200: MemberReport } } },
    (request) => getReport(db, actorOf(request), request.params.id, clock.now()),
  );
  app.post(
    '/api/v1/member-reports/:id/reply',
    { schema: { tags, params: IdParams, body: MemberReportReply, response: { 200: MemberReport } } },
    (request) => replyToReport(db, actorOf(request), request.params.id, request.body.reply, clock.now()),
  );
}
