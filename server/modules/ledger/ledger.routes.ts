import { IdParams } from '../../../common/schemas/common';
import { Ledger, LedgerQuery, LedgerVerification } from '../../../common/schemas/ledger';
import { attachment, XLSX_TYPE } from '../../http/attachment';
import { requestLocale } from '../../http/locale';
import { type App, actorOf, type Deps } from '../../http/types';
import { localStorage } from '../../storage/local';
import { getLedger, verifyLedger } from './ledger.service';
import { ledgerPdf, ledgerWorkbook } from './ledger-export';

export function ledgerRoutes(app: App, { database: { db }, config, clock }: Deps) {
  const tags = ['ledger'];
  const storage = localStorage(config.filesDir);
  app.get(
    '/api/v1/orgs/:id/ledger',
    { schema: { tags, params: IdParams, querystring: LedgerQuery, response: { 200: Ledger } } },
    (request) => getLedger(db, actorOf(request), request.params.id, request.query.year, clock.now()),
  );
  app.get(
    '/api/v1/orgs/:id/ledger/verify',
    { schema: { tags, params: IdParams, response: { 200: LedgerVerification } } },
    (request) => verifyLedger(db, actorOf(request), request.params.id, clock.now()),
  );
  app.get(
    '/api/v1/orgs/:id/ledger.xlsx',
    { schema: { tags, params: IdParams, querystring: LedgerQuery } },
    async (request, reply) => {
      const { name, file } = await ledgerWorkbook(
        db,
        actorOf(request),
        request.params.id,
        request.query.year,
        requestLocale(request),
        clock.now(),
      );
      reply.header('content-type', XLSX_TYPE).header('content-disposition', attachment(name));
      return file;
    },
  );
  app.get(
    '/api/v1/orgs/:id/ledger.pdf',
    { schema: { tags, params: IdParams, querystring: LedgerQuery } },
    async (request, reply) => {
      const { name, file } = await ledgerPdf(
        db,
        storage,
        actorOf(request),
        request.params.id,
        request.query.year,
        requestLocale(request),
        clock.now(),
      );
      reply.header('content-type', 'application/pdf').header('content-disposition', attachment(name));
      return file;
    },
  );
}
