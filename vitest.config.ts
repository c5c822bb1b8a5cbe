import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'api',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'scripts/**/*.test.ts'],
          globalSetup: ['server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The management screens' chunks arrive after the page's load event: on two busy cores
          // that can take more than expect.poll's default second.
          expect: { poll: { timeout: 10_000 } },
          // One browser and one app: the journeys run one after another.
          fileParallelism: false,
          // A browser on two busy cores sometimes misses a click; a behaviour that is broken fails twice.
          retry: 1,
        },
      },
    ],
  },
});
