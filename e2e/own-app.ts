import { afterAll, inject } from 'vitest';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { connect, freePort } from '../server/db/open';
import { testClock } from '../server/test/test-clock';
import { cloneTemplate } from '../server/test/test-server';
import { APP_HOST } from './chromium';

/**
 * An app of the spec's own, on a fresh clone of the demo county, with a clock the spec sets: for
 * a journey that needs the date to be one it chooses (a month before a fixed day, the fixed day
 * itself, the hour after the activity). Pages opened on it follow the same clock.
 */
export async function ownApp() {
  const { adminUrl, template, dataDir } = inject('testServer');
  const clone = await cloneTemplate(adminUrl, template);
  const database = connect(clone.url, 'external');
  const clock = testClock();
  const app = await buildApp({
    database,
    config: loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }),
    clock,
  });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  afterAll(async () => {
    await app.close();
    await database.close();
    await clone.drop();
  });
  return { baseURL: `http://${APP_HOST}:${port}`, clock, db: database.db };
}

export type OwnApp = Awaited<ReturnType<typeof ownApp>>;
