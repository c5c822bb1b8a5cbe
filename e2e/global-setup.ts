import type { TestProject } from 'vitest/node';
import { ensureClientBuilt } from '../server/client-build';
import { systemClock } from '../server/core/clock';
import { startTestServer } from '../server/test/test-server';
import { ensureChromium } from './chromium';
import { serveClone, type TestServerInfo } from './serve-clone';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The test server and its migrated demo template, for a spec that runs an app of its own. */
    testServer: TestServerInfo;
  }
}

/** One app on the tiny demo county, served on a free port with the built client. */
export default async function setup(project: TestProject) {
  ensureChromium();
  await ensureClientBuilt((m) => console.log(`[e2e] ${m}`));
  const server = await startTestServer();
  const info = { adminUrl: server.adminUrl, template: server.template, dataDir: server.dataDir };
  const shared = await serveClone(info, systemClock);
  project.provide('baseURL', shared.baseURL);
  project.provide('testServer', info);
  return async () => {
    await shared.close();
    await server.stop();
  };
}
