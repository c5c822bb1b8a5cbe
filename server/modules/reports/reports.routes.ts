import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Id, OrgYearParams as ReportParams, YearQuery } from '../../../common/schemas/common';
import { AnnualReport, ReportInput, ReportSummary } from '../../../common/schemas/report';
import { attachment } from '../../http/attachment';
import { requestLocale } from '../../http/locale';
import { type App, actorOf, type Deps } from '../../http/types';
import { reportDocx, reportPdf } from './report-export';
import { getReport, listReports, redraftReport, saveReport, submitReport } from './reports.service';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function reportsRoutes(app: App, { database: { db }, config, clock }: Deps) {
  /** The report as it is read and exported: the saved one, or today's draft from the records. */
  const reportOf = (request: FastifyRequest, { id, year }: { id: number; year: number }) =>
    getReport(db, config, actorOf(request), id, year, clock.now());
  const tags = ['reports'];
  app.get(
    '/api/v1/orgs/:id/reports/:year',
    { schema: { tags, params: ReportParams, response: { 200: AnnualReport } } },
    (request) => reportOf(request, request.params),
  );
  app.put(
    '/api/v1/orgs/:id/reports/:year',
    { schema: { tags, params: ReportParams, body: ReportInput, response: { 200: AnnualReport } } },
    (request) =>
      saveReport(
        db,
        actorOf(request),
        request.params.id,
        request.params.year,
        request.body.sections,
        clock.now(),
      ),
  );
  app.post(
    '/api/v1/orgs/:id/reports/:year/submit',
    { schema: { tags, params: ReportParams, response: { 200: AnnualReport } } },
    (request) =>
      submitReport(db, config, actorOf(request), request.params.id, request.params.year, clock.now()),
  );
  app.post(
    '/api/v1/orgs/:id/reports/:year/redraft',
    { schema: { tags, params: ReportParams, response: { 200: AnnualReport } } },
    (request) =>
      redraftReport(db, config, actorOf(request), request.params.id, request.params.year, clock.now()),
  );
  app.get(
    '/api/v1/orgs/:id/reports/:year/report.pdf',
    { schema: { tags, params: ReportParams } },
    async (request, reply) => {
      const report = await reportOf(request, request.params);
      const { name, file } = await reportPdf(report, requestLocale(request));
      reply.header('content-type', 'application/pdf').header('content-disposition', attachment(name));
      return file;
    },
  );
  app.get(
    '/api/v1/orgs/:id/reports/:year/report.docx',
    { schema: { tags, params: ReportParams } },
    async (request, reply) => {
      const report = await reportOf(request, request.params);
      const { name, file } = await reportDocx(report, requestLocale(request));
      reply.header('content-type', DOCX).header('content-disposition', attachment(name));
      return file;
    },
  );
  app.get(
    '/api/v1/orgs/:id/reports',
    {
      schema: {
        tags,
        params: z.object({ id: Id }),
        querystring: YearQuery,
        response: { 200: z.array(ReportSummary) },
      },
    },
    (request) => listReports(db, actorOf(request), request.params.id, request.query.year),
  );
}
