import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { aggregateDrift } from '../read-model/aggregates';
import { tinyCounty } from '../test/fixtures';
import { testApp } from '../test/harness';
import { scheduleFolding } from './fold-schedule';

// The alerts never run here: folding must not wait for them.
const { app, db, config, clock, as } = await testApp({ alertsIntervalMinutes: 0 });
const fx = await tinyCounty(db);
const log: string[] = [];
scheduleFolding(app, { db, config, clock }, (m) => log.push(m), 50);

// Check-ins waiting, and the rollups' deltas they and the fold itself leave.
const pending = async () =>
  (
    await db.execute<{ n: number }>(sql`SELECT ((SELECT count(*) FROM activity_stats_pending)
      + (SELECT count(*) FROM subtree_stats_pending) + (SELECT count(*) FROM subtree_people_pending)
      + (SELECT count(*) FROM org_masses_pending) + (SELECT count(*) FROM subtree_compliance_pending))::int AS n`)
  ).rows[0]!.n;

describe('folding the kept figures', () => {
  it('empties the pending check-ins on its own schedule, with the alerts off, and changes no figure', async () => {
    // A morning's check-ins, in two statements as the batcher sends them, to a past activity.
    const { rows } = await db.execute<{ id: number; org_id: number; year: string }>(sql`
      SELECT a.id, a.org_id, to_char(a.starts_at + interval '8 hours', 'YYYY') AS year FROM activities a WHERE a.status <> 'cancelled' AND a.starts_at < now()
        AND EXISTS (SELECT 1 FROM members m WHERE m.org_id = a.org_id
          AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = a.id AND t.member_id = m.id))
      ORDER BY a.starts_at DESC LIMIT 1`);
    const activity = rows[0]!;
    const county = await as('county');
    const dashboard = async () =>
      (
        await county.get(
          `/api/v1/orgs/${fx.county.id}/stats?from=${activity.year}-01-01&to=${activity.year}-12-31`,
        )
      ).json().figures.memberTimes as number;
    const before = await dashboard();
    const absent = sql`SELECT ${activity.id}, m.id, 'manual', now(), '补登' FROM members m WHERE m.org_id = ${activity.org_id}
      AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.activity_id = ${activity.id} AND t.member_id = m.id)`;
    await db.execute(sql`INSERT INTO attendance (activity_id, member_id, method, checked_in_at, reason)
      ${absent} ORDER BY m.id LIMIT 1`);
    await db.execute(
      sql`INSERT INTO attendance (activity_id, member_id, method, checked_in_at, reason) ${absent}`,
    );
    expect(await pending()).toBeGreaterThan(0);

    await expect.poll(pending, { timeout: 5_000 }).toBe(0);
    expect(await dashboard()).toBeGreaterThan(before);
    expect(await db.transaction((tx) => aggregateDrift(tx))).toEqual([]);
    expect(log).toEqual([]);
  });
});
