import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { systemClock } from '../core/clock';
import { connect, startEmbedded } from '../db/open';
import { newKeyLine, parseKeys } from '../db/personal-data/key-ring';
import { installKeyRing } from '../db/personal-data/sealed';
import { testConfig } from '../test/test-server';

// A real PostgreSQL of the app's own, stopped and started again under it, as in a restart or a
// failover: the app answers 503 while it is gone and serves again by itself once it is back.
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-restart-'));
await fs.chmod(dir, 0o755);
let server = await startEmbedded(path.join(dir, 'pg'), { fast: true });
const database = connect(server.url('postgres'), 'external');
installKeyRing(parseKeys(newKeyLine(), 'a key'));
const app = await buildApp({ database, config: testConfig(dir), clock: systemClock });
afterAll(async () => {
  await app.close();
  await database.close();
  await server.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

const health = () => app.inject({ url: '/api/v1/health' });

describe('the database stopped and started again', () => {
  it('answers 503 while it is gone and serves again within a second of its return', async () => {
    expect((await health()).statusCode).toBe(200);
    await server.stop();
    const gone = await health();
    expect(gone.statusCode).toBe(503);
    expect(gone.json()).toMatchObject({ parts: { database: 'down' } });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'county', password: 'vanguard-demo' },
    });
    expect(login.statusCode).toBe(503);

    server = await startEmbedded(path.join(dir, 'pg'), { fast: true, port: server.port });
    const back = performance.now();
    while ((await health()).statusCode !== 200 && performance.now() - back < 5000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(performance.now() - back).toBeLessThan(1000);
    expect((await health()).statusCode).toBe(200);
  });
});
