import type { TestProject } from 'vitest/node';
import { ensureDebianTools, PDF_TOOLS } from '../../scripts/debian-tools';
import { startTestServer } from './test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    template: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  ensureDebianTools(PDF_TOOLS);
  const server = await startTestServer();
  project.provide('adminUrl', server.adminUrl);
  project.provide('template', server.template);
  project.provide('dataDir', server.dataDir);
  return server.stop;
}
