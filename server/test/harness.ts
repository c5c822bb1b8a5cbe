import { afterAll, inject } from 'vitest';
import { buildApp } from '../app';
import type { Config } from '../config';
import { connect } from '../db/open';
import { openPersonalData } from '../db/personal-data/open-personal-data';
import { DEMO_PASSWORD } from '../seed/demo-county';
import { testClock } from './test-clock';
import { cloneTemplate, testConfig } from './test-server';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Reply = {
  statusCode: number;
  json: <T = any>() => T;
  body: string;
  rawPayload: Buffer;
  headers: Record<string, unknown>;
};

/**
 * The app on its own database (a clone of the migrated, tiny-demo template), closed and
 * dropped after the file's tests.
 */
export async function testApp(overrides: Partial<Config> = {}) {
  const clone = await cloneTemplate(inject('adminUrl'), inject('template'));
  const database = connect(clone.url, 'external');
  // Webhook retries back off in milliseconds here, so a test waits for them without sleeping.
  const config = {
    ...testConfig(inject('dataDir')),
    webhookDelaysMs: [0, 20, 40],
    ...overrides,
  };
  await openPersonalData(database.pool, config);
  const clock = testClock();
  const app = await buildApp({ database, config, clock });
  afterAll(async () => {
    await app.close();
    await database.close();
    await clone.drop();
  });

  /** A signed-in client that sends the session cookie and CSRF token like the web client. */
  async function as(username: string, password = DEMO_PASSWORD) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'vg_session')!.value;
    const csrf = res.json().csrfToken as string;
    const call = (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method,
        url,
        cookies: { vg_session: cookie },
        headers: { 'x-csrf-token': csrf, ...headers },
        ...(payload === undefined
          ? {}
          : Buffer.isBuffer(payload)
            ? { payload }
            : { payload: payload as object }),
      }) as unknown as Promise<Reply>;
    return {
      cookie,
      csrf,
      me: res.json(),
      get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
      post: (url: string, body?: unknown, headers?: Record<string, string>) =>
        call('POST', url, body ?? {}, headers),
      patch: (url: string, body: unknown) => call('PATCH', url, body),
      put: (url: string, body: unknown) => call('PUT', url, body),
      delete: (url: string) => call('DELETE', url),
    };
  }
  /**
   * A secretary of the org, made by the admin and signed in: a branch's records are changed by its
   * own secretary, not by those above it.
   */
  async function secretaryOf(orgId: number) {
    const username = `secretary-of-${orgId}`;
    const password = 'a-long-secret';
    const made = await (await as('admin')).post('/api/v1/accounts', {
      username,
      name: `书记${orgId}`,
      password,
      role: { role: 'secretary', orgId },
    });
    if (made.statusCode !== 201 && made.json().error?.field !== 'username')
      throw new Error(`secretary of ${orgId}: ${made.statusCode} ${made.body}`);
    return as(username, password);
  }
  /**
   * Another app instance on the same database, with its own pool and so its own caches: what a
   * second server behind the proxy is.
   */
  async function secondInstance() {
    const other = connect(clone.url, 'external');
    const otherApp = await buildApp({ database: other, config, clock });
    afterAll(async () => {
      await otherApp.close();
      await other.close();
    });
    return otherApp;
  }
  return { app, db: database.db, pool: database.pool, config, clock, as, secretaryOf, secondInstance };
}
export type Client = Awaited<ReturnType<Awaited<ReturnType<typeof testApp>>['as']>>;
