import { z } from 'zod';
import { ApiErrorBody, IdParams } from '../../../common/schemas/common';
import { RosterExportQuery, RosterImportFailure, RosterImportResult } from '../../../common/schemas/roster';
import { withAudit } from '../../db/audit-context';
import { AppError } from '../../errors';
import { attachment, XLSX_TYPE } from '../../http/attachment';
import { auditContextOf } from '../../http/audit-hooks';
import { requestLocale } from '../../http/locale';
import { type App, actorOf, type Deps } from '../../http/types';
import { exportRoster, importRoster, MAX_ROSTER_MB, rosterTemplate } from './roster.service';

export function rosterRoutes(app: App, { database: { db }, clock }: Deps) {
  const tags = ['roster'];
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: MAX_ROSTER_MB * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.get('/api/v1/roster/template.xlsx', { schema: { tags } }, async (request, reply) => {
    const locale = requestLocale(request);
    actorOf(request);
    reply
      .header('content-type', XLSX_TYPE)
      .header(
        'content-disposition',
        attachment(locale === 'en' ? 'roster-template.xlsx' : '党员花名册模板.xlsx'),
      );
    return rosterTemplate(locale);
  });

  app.get(
    '/api/v1/orgs/:id/members.xlsx',
    { schema: { tags, params: IdParams, querystring: RosterExportQuery } },
    async (request, reply) => {
      const full = request.query.full === 'true' ? request.query.reason : undefined;
      // A read that discloses personal data in full is audited like a write.
      const { name, file } = await withAudit(auditContextOf(request, clock), () =>
        exportRoster(db, actorOf(request), request.params.id, requestLocale(request), clock.now(), full),
      );
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(name));
      return file;
    },
  );

  app.post(
    '/api/v1/orgs/:id/members/import',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: RosterImportResult, 422: z.union([RosterImportFailure, ApiErrorBody]) },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw new AppError(415, 'roster_bad_file', 'errors.roster.badFile', {}, 'file');
      return importRoster(
        db,
        actorOf(request),
        request.params.id,
        request.body,
        requestLocale(request),
        clock.now(),
      );
    },
  );
}
