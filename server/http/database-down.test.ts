import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { systemClock } from '../core/clock';
import { connect } from '../db/open';
import { newKeyLine, parseKeys } from '../db/personal-data/key-ring';
import { installKeyRing } from '../db/personal-data/sealed';

// An app whose database is not there (nothing listens on port 9): what every instance meets
// while PostgreSQL restarts or fails over. It opened its keys when it started, with the database up.
installKeyRing(parseKeys(newKeyLine(), 'a key'));
const database = connect('postgres://vanguard@127.0.0.1:9/vanguard', 'external');
const app = await buildApp({ database, config: loadConfig({ NODE_ENV: 'test' }), clock: systemClock });
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('while the database is unreachable', () => {
  it('health says which part is down, with 503 and Retry-After', async () => {
    const res = await app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ status: 'unavailable', parts: { database: 'down' } });
  });

  it('a sign-in and a signed-in read answer 503 with a readable message, never 500', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'county', password: 'vanguard-demo' },
    });
    expect(login.statusCode).toBe(503);
    expect(login.headers['retry-after']).toBe('5');
    expect(login.json().error).toEqual({
      code: 'unavailable',
      message: '数据库暂时无法连接，请几秒后再试；已提交的内容不会丢失',
    });
    const read = await app.inject({ url: '/api/v1/me/activities', cookies: { vg_session: 'some-token' } });
    expect(read.statusCode).toBe(503);
  });
});
