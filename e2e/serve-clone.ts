import { buildApp } from '../server/app';
import type { Clock } from '../server/core/clock';
import { connect, freePort } from '../server/db/open';
import { openPersonalData } from '../server/db/personal-data/open-personal-data';
import { cloneTemplate, testConfig } from '../server/test/test-server';
import { APP_HOST } from './chromium';

export type TestServerInfo = { adminUrl: string; template: string; dataDir: string };

/**
 * The app on a fresh clone of the demo template, with the built client, listening on a free port
 * and opened by the browser at a LAN-like host name. `close` stops it and drops the clone.
 */
export async function serveClone({ adminUrl, template, dataDir }: TestServerInfo, clock: Clock) {
  const clone = await cloneTemplate(adminUrl, template);
  const database = connect(clone.url, 'external');
  const config = testConfig(dataDir);
  await openPersonalData(database.pool, config);
  const app = await buildApp({ database, config, clock });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return {
    baseURL: `http://${APP_HOST}:${port}`,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
      await clone.drop();
    },
  };
}
