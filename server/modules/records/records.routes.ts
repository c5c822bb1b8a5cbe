import { z } from 'zod';
import { IdParams } from '../../../common/schemas/common';
import { ActivityRecords, MinutesInput } from '../../../common/schemas/record';
import { readForm } from '../../http/multipart';
import { type App, actorOf, type Deps } from '../../http/types';
import { localStorage } from '../../storage/local';
import { addFiles, fileContent, getRecords, removeFile, saveMinutes } from './records.service';

const ReasonQuery = z.object({ reason: z.string().trim().max(500).optional() });

export function recordsRoutes(app: App, { database: { db }, config, clock }: Deps) {
  const tags = ['records'];
  const storage = localStorage(config.filesDir);

  app.get(
    '/api/v1/activities/:id/records',
    { schema: { tags, params: IdParams, response: { 200: ActivityRecords } } },
    (request) => getRecords(db, actorOf(request), request.params.id),
  );
  app.put(
    '/api/v1/activities/:id/minutes',
    { schema: { tags, params: IdParams, body: MinutesInput, response: { 200: ActivityRecords } } },
    (request) => saveMinutes(db, config, actorOf(request), request.params.id, request.body, clock.now()),
  );
  app.post(
    '/api/v1/activities/:id/files',
    { schema: { tags, params: IdParams, querystring: ReasonQuery, response: { 200: ActivityRecords } } },
    async (request) => {
      const actor = actorOf(request);
      const { files: uploads } = await readForm(request, config.maxUploadBytes);
      return addFiles(
        db,
        config,
        storage,
        actor,
        request.params.id,
        uploads,
        request.query.reason,
        clock.now(),
      );
    },
  );
  app.delete(
    '/api/v1/files/:id',
    { schema: { tags, params: IdParams, querystring: ReasonQuery, response: { 200: ActivityRecords } } },
    (request) =>
      removeFile(db, config, actorOf(request), request.params.id, request.query.reason, clock.now()),
  );
  for (const thumb of [false, true]) {
    app.get(
      `/api/v1/files/:id${thumb ? '/thumb' : ''}`,
      { schema: { tags, params: IdParams } },
      async (request, reply) => {
        const file = await fileContent(db, storage, actorOf(request), request.params.id, thumb);
        reply
          .header('content-type', file.mime)
          .header('cache-control', 'private, max-age=86400')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`);
        return file.data;
      },
    );
  }
}
