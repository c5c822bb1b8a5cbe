import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness';

// An instance with its own rules, which the interface reads from /me.
const { app, as } = await testApp({
  minActivityHours: 3,
  lateEditDays: 10,
  checkInBeforeMinutes: 20,
  checkInAfterMinutes: 45,
});

/** A sign-in from a machine at `from` (the socket's address, which a client cannot choose). */
const login = (
  username: string,
  password: string,
  from = '127.0.0.1',
  headers: Record<string, string> = {},
) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    headers,
    remoteAddress: from,
  });

describe('health', () => {
  it('answers ok with the database kind', async () => {
    const res = await app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'external', parts: { database: 'up' } });
  });

  it('every answer carries the security headers', async () => {
    const res = await app.inject({ url: '/api/v1/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    const failed = await app.inject({ url: '/api/v1/me' });
    expect(failed.statusCode).toBe(401);
    expect(failed.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('login', () => {
  it('signs in with username and password and returns the user and roles', async () => {
    const res = await login('township1', 'vanguard-demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'vg_session')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await app.inject({ url: '/api/v1/me', cookies: { vg_session: cookie.value } });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user).toMatchObject({ username: 'township1', name: expect.any(String) });
    expect(body.roles).toEqual([
      { role: 'supervisor', orgId: expect.any(Number), orgName: '中共松林镇委员会' },
    ]);
    expect(body.rules).toEqual({
      minActivityHours: 3,
      lateEditDays: 10,
      checkInBeforeMinutes: 20,
      checkInAfterMinutes: 45,
    });
    expect(res.json().rules).toEqual(body.rules);
  });

  it('signs in with the phone number of the account', async () => {
    const secretary = await as('secretary1');
    const member = (await secretary.get(`/api/v1/members/${secretary.me.user.memberId}`)).json();
    const res = await login(member.phone, 'vanguard-demo');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('secretary1');
  });

  it('refuses a wrong password with a readable message in the asker’s language', async () => {
    const zh = await login('county', 'wrong-password', '10.0.0.1');
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toEqual({ code: 'invalid_credentials', message: '用户名或密码错误' });
    const en = await login('county', 'wrong-password', '10.0.0.1', { 'accept-language': 'en-US,en' });
    expect(en.json().error.message).toBe('Wrong username or password');
  });

  it('names the missing field of a malformed request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'county' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'invalid_input',
      field: 'password',
      message: '密码：必填',
    });
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.field).toBe('body');
  });

  it('holds back a machine after five failures a minute and says when to try again', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await login('admin', 'nope', '10.1.0.1');
      expect(res.statusCode).toBe(401);
    }
    // Even the right password waits on that machine.
    const blocked = await login('admin', 'vanguard-demo', '10.1.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('login_throttled');
    expect(blocked.json().error.message).toMatch(/^尝试次数过多，请 \d+ 秒后再试$/);
    const seconds = Number(/(\d+)/.exec(blocked.json().error.message)![1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    // The owner, at their own machine, is not locked out by someone else's guesses.
    expect((await login('admin', 'vanguard-demo', '10.1.0.99')).statusCode).toBe(200);
  });

  it('throttles an IP that guesses across accounts', async () => {
    const ip = '10.2.0.1';
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5'])
      expect((await login(name, 'x', ip)).statusCode).toBe(401);
    expect((await login('county', 'vanguard-demo', ip)).statusCode).toBe(429);
    expect((await login('county', 'vanguard-demo', '10.2.0.2')).statusCode).toBe(200);
  });

  it('believes X-Forwarded-For only from a configured proxy: a client cannot pick its address', async () => {
    for (const [i, name] of ['b1', 'b2', 'b3', 'b4', 'b5'].entries())
      await login(name, 'x', '10.4.0.1', { 'x-forwarded-for': `192.0.2.${i}` });
    const sixth = await login('county', 'vanguard-demo', '10.4.0.1', { 'x-forwarded-for': '192.0.2.77' });
    expect(sixth.statusCode).toBe(429);

    const behindProxy = await testApp({ trustProxy: ['10.9.0.1'] });
    const viaProxy = (name: string, client: string) =>
      behindProxy.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: name, password: 'x' },
        headers: { 'x-forwarded-for': client },
        remoteAddress: '10.9.0.1',
      });
    for (const name of ['c1', 'c2', 'c3', 'c4', 'c5']) await viaProxy(name, '198.51.100.1');
    expect((await viaProxy('c6', '198.51.100.1')).statusCode).toBe(429);
    // Another client behind the same proxy is not held up by the first one's guesses.
    expect((await viaProxy('c6', '198.51.100.2')).statusCode).toBe(401);
  });
});

describe('session', () => {
  it('answers 401 without a session', async () => {
    const res = await app.inject({ url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const c = await as('county');
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/locale',
      cookies: { vg_session: c.cookie },
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    const forged = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/locale',
      cookies: { vg_session: c.cookie },
      headers: { 'x-csrf-token': 'x'.repeat(c.csrf.length) },
      payload: { locale: 'en' },
    });
    expect(forged.statusCode).toBe(403);
  });

  it('logs out: the cookie no longer opens a session', async () => {
    const c = await as('county');
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('remembers the language per user and answers errors in it', async () => {
    const c = await as('township1');
    expect((await c.put('/api/v1/me/locale', { locale: 'en' })).statusCode).toBe(200);
    expect((await c.get('/api/v1/me')).json().user.locale).toBe('en');
    const res = await c.get('/api/v1/orgs/999999');
    expect(res.json().error.message).toBe('Not found, or you may not see it');
    await c.put('/api/v1/me/locale', { locale: 'zh-CN' });
  });
});

describe('change password', () => {
  it('requires the current password, naming the field', async () => {
    const c = await as('member1');
    const res = await c.post('/api/v1/me/password', {
      currentPassword: 'wrong',
      newPassword: 'another-secret',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'currentPassword', message: '当前密码不正确' });
    const short = await c.post('/api/v1/me/password', {
      currentPassword: 'vanguard-demo',
      newPassword: 'short',
    });
    expect(short.json().error).toMatchObject({ field: 'newPassword', message: '新密码：至少 8 个字符' });
  });

  it('changes it and signs out other sessions', async () => {
    const other = await as('secretary1');
    const c = await as('secretary1');
    expect(
      (await c.post('/api/v1/me/password', { currentPassword: 'vanguard-demo', newPassword: 'a-new-secret' }))
        .statusCode,
    ).toBe(200);
    expect((await other.get('/api/v1/me')).statusCode).toBe(401);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect((await login('secretary1', 'vanguard-demo', '10.3.0.1')).statusCode).toBe(401);
    expect((await login('secretary1', 'a-new-secret', '10.3.0.1')).statusCode).toBe(200);
  });
});
