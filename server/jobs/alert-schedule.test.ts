import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testApp } from '../test/harness';
import { scheduleAlerts } from './alert-schedule';

const { app, db, config, clock, as } = await testApp();
const log: string[] = [];
// Hooked in before the app's first request, as main.ts does; a change settles after 50 ms here.
scheduleAlerts(app, { db, config: { ...config, alertsIntervalMinutes: 60 }, clock }, (m) => log.push(m), 50);

const alerts = async () =>
  (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM alerts`)).rows[0]!.n;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the alerts schedule', () => {
  it('runs at start, and again shortly after a successful change, not after reads or refusals', async () => {
    // The run at start leaves the conditions of the tiny county raised.
    await expect.poll(alerts, { timeout: 10_000 }).toBeGreaterThan(0);
    const secretary = await as('secretary1');
    // Let the run the sign-in itself set off finish before the slate is wiped.
    await pause(300);
    await db.execute(sql`DELETE FROM alerts`);

    await secretary.get('/api/v1/me/activities');
    const refused = await secretary.put('/api/v1/me/locale', { locale: 'fr' });
    expect(refused.statusCode).toBe(400);
    await pause(300);
    expect(await alerts()).toBe(0);

    expect((await secretary.put('/api/v1/me/locale', { locale: 'zh-CN' })).statusCode).toBe(200);
    await expect.poll(alerts, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(log.filter((m) => m.startsWith('alerts failed'))).toEqual([]);
  });
});
