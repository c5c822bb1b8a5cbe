import { AuditPage, AuditQuery } from '../../../common/schemas/audit';
import { attachment, XLSX_TYPE } from '../../http/attachment';
import { requestLocale } from '../../http/locale';
import { type App, actorOf, type Deps } from '../../http/types';
import { auditForExport, listAudit } from './audit.service';
import { auditWorkbook } from './audit-export';

export function auditRoutes(app: App, { database: { db } }: Deps) {
  const tags = ['audit'];
  app.get(
    '/api/v1/audit',
    { schema: { tags, querystring: AuditQuery, response: { 200: AuditPage } } },
    (request) => listAudit(db, actorOf(request), request.query),
  );
  app.get('/api/v1/audit.xlsx', { schema: { tags, querystring: AuditQuery } }, async (request, reply) => {
    const { items, total } = await auditForExport(db, actorOf(request), request.query);
    const { name, file } = await auditWorkbook(items, total, requestLocale(request));
    reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(name));
    return file;
  });
}
