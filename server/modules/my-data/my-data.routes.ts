import { attachment } from '../../http/attachment';
import { type App, actorOf, type Deps } from '../../http/types';
import { myData } from './my-data.service';

export function myDataRoutes(app: App, { database: { db }, clock }: Deps) {
  app.get('/api/v1/me/data', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const actor = actorOf(request);
    const data = await myData(db, actor, clock.now());
    reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', attachment(`vanguard-${actor.username}.json`));
    return JSON.stringify(data, null, 2);
  });
}
