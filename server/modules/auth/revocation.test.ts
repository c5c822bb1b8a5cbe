import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../../test/fixtures';
import { testApp } from '../../test/harness';

const { app, db, as, secondInstance } = await testApp();
const fx = await tinyCounty(db);
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

describe('roles changed on this instance', () => {
  /**
   * Runs `change` with a request by `cookie` let through just before its transaction commits, as
   * on a busy instance: that request reads (and caches) the roles as they were.
   */
  async function withRequestBeforeCommit<T>(cookie: string, change: () => Promise<T>): Promise<T> {
    const original = db.transaction;
    let peeked = false;
    db.transaction = ((work, config) =>
      original.call(
        db,
        async (tx) => {
          const result = await work(tx);
          if (!peeked) {
            peeked = true;
            await app.inject({ url: '/api/v1/me', cookies: { vg_session: cookie } });
          }
          return result;
        },
        config,
      )) as typeof db.transaction;
    try {
      return await change();
    } finally {
      db.transaction = original;
    }
  }
  /** What the instance acts on is the cached actor's roles, not what /me reads afresh. */
  const managesAccounts = async (cookie: string) =>
    (await app.inject({ url: `/api/v1/accounts?orgId=${fx.b1.id}`, cookies: { vg_session: cookie } }))
      .statusCode === 200;

  it('take effect at the next request, even with a request cached in between', async () => {
    const admin = await as('admin');
    const orgId = fx.b1.id;
    const made = await admin.post('/api/v1/accounts', {
      username: 'roles-change',
      name: '角色变更',
      password: 'a-long-secret',
      role: { role: 'group_leader', orgId },
    });
    expect(made.statusCode, made.body).toBe(201);
    const person = await as('roles-change', 'a-long-secret');
    expect(await managesAccounts(person.cookie)).toBe(false);

    const granted = await withRequestBeforeCommit(person.cookie, () =>
      admin.post(`/api/v1/accounts/${made.json().id}/roles`, { role: 'secretary', orgId }),
    );
    expect(granted.statusCode, granted.body).toBe(200);
    expect(await managesAccounts(person.cookie)).toBe(true);

    const binding = granted.json().roles.find((r: { role: string }) => r.role === 'secretary').id;
    const revoked = await withRequestBeforeCommit(person.cookie, () =>
      admin.delete(`/api/v1/accounts/${made.json().id}/roles/${binding}`),
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await managesAccounts(person.cookie)).toBe(false);
  });
});
