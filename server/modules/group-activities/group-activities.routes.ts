import { z } from 'zod';
import { IdParams } from '../../../common/schemas/common';
import { GroupActivity, MyGroup } from '../../../common/schemas/group';
import { readForm } from '../../http/multipart';
import { type App, actorOf, type Deps } from '../../http/types';
import { localStorage } from '../../storage/local';
import { listGroupActivities, myGroups, recordGroupActivity } from './group-activities.service';

export function groupActivitiesRoutes(app: App, { database: { db }, config, clock }: Deps) {
  const tags = ['party groups'];
  const storage = localStorage(config.filesDir);
  app.get(
    '/api/v1/me/groups',
    { schema: { tags, response: { 200: z.object({ items: z.array(MyGroup) }) } } },
    async (request) => ({ items: await myGroups(db, actorOf(request)) }),
  );
  app.get(
    '/api/v1/groups/:id/activities',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(GroupActivity) }) } } },
    async (request) => ({ items: await listGroupActivities(db, actorOf(request), request.params.id) }),
  );
  app.post(
    '/api/v1/groups/:id/activities',
    {
      schema: {
        tags,
        description:
          'A GroupActivityInput as JSON, or as a form: the same JSON in the field `body` and photos as files.',
        params: IdParams,
        response: { 201: GroupActivity },
      },
    },
    async (request, reply) => {
      const form = request.isMultipart() ? await readForm(request, config.maxUploadBytes) : null;
      const recorded = await recordGroupActivity(
        db,
        config,
        storage,
        actorOf(request),
        request.params.id,
        form ? parseJson(form.fields.body) : request.body,
        form?.files ?? [],
        clock.now(),
      );
      return reply.status(201).send(recorded);
    },
  );
}

/** The form's JSON field; anything unreadable is validated as a missing body. */
function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
