import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/harness';

const { as, secondInstance } = await testApp();
const other = await secondInstance();

/** How long another instance may still trust a session after it ended: its cache's lifetime. */
const BOUND_MS = 5000;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function keepsWorkingFor(cookie: string) {
  const start = performance.now();
  // A busy phone: a request every 200 ms, so the session is in use all the while.
  while (performance.now() - start < BOUND_MS + 2000) {
    const read = await other.inject({ url: '/api/v1/me/activities', cookies: { vg_session: cookie } });
    if (read.statusCode === 401) return performance.now() - start;
    expect(read.statusCode).toBe(200);
    await pause(200);
  }
  return Number.POSITIVE_INFINITY;
}

describe('a session ended on one instance', () => {
  it('stops working on another instance within the bound, however busy it is', async () => {
    const secretary = await as('secretary1');
    expect(
      (await other.inject({ url: '/api/v1/me', cookies: { vg_session: secretary.cookie } })).statusCode,
    ).toBe(200);
    expect((await secretary.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect(await keepsWorkingFor(secretary.cookie)).toBeLessThanOrEqual(BOUND_MS + 300);
  });

  it('a password change signs the other sessions out there too', async () => {
    const first = await as('member1');
    const second = await as('member1');
    await other.inject({ url: '/api/v1/me', cookies: { vg_session: second.cookie } });
    const changed = await first.post('/api/v1/me/password', {
      currentPassword: 'vanguard-demo',
      newPassword: 'a-new-password-1',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await keepsWorkingFor(second.cookie)).toBeLessThanOrEqual(BOUND_MS + 300);
  });
});
