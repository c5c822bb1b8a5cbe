import type { TestProject } from 'vitest/node';
import { buildApp } from '../server/app';
import { ensureClientBuilt } from '../server/client-build';
import { loadConfig } from '../server/config';
import { systemClock } from '../server/core/clock';
import { connect, freePort } from '../server/db/open';
import { cloneTemplate, startTestServer } from '../server/test/test-server';
import { APP_HOST, ensureChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The test server and its migrated demo template, for a spec that runs an app of its own. */
    testServer: { adminUrl: string; template: string; dataDir: string };
  }
}

/** One app on the tiny demo county, served on a free port with the built client. */
export default async function setup(project: TestProject) {
  ensureChromium();
  await ensureClientBuilt((m) => console.log(`[e2e] ${m}`));
  const server = await startTestServer();
  const clone = await cloneTemplate(server.adminUrl, server.template);
  const database = connect(clone.url, 'external');
  const app = await buildApp({
    database,
    config: loadConfig({ NODE_ENV: 'test', DATA_DIR: server.dataDir }),
    clock: systemClock,
  });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  project.provide('baseURL', `http://${APP_HOST}:${port}`);
  project.provide('testServer', {
    adminUrl: server.adminUrl,
    template: server.template,
    dataDir: server.dataDir,
  });
  return async () => {
    await app.close();
    await database.close();
    await clone.drop();
    await server.stop();
  };
}
