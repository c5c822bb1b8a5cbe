import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { migrateDatabase } from '../db/migrate';
import { connect } from '../db/open';
import { localStorage } from '../storage/local';
import { testApp } from '../test/harness';
import { cloneTemplate, dbUrl } from '../test/test-server';
import { assertNoDemoAccountsInProduction, seedIfEmpty } from './bootstrap';
import { seedDemoCounty } from './demo-county';

const { db, config, clock } = await testApp();
const storage = localStorage(config.filesDir);

describe('start-up', () => {
  it('refuses production while demo accounts exist, and allows it once they are gone', async () => {
    await expect(assertNoDemoAccountsInProduction(db, 'production')).rejects.toThrow(/demo accounts/);
    await expect(assertNoDemoAccountsInProduction(db, 'development')).resolves.toBeUndefined();
    // What demo people did (inspections, published rankings, reports) goes with them.
    await db.execute(sql`DELETE FROM alerts; DELETE FROM rectifications; DELETE FROM inspections;
      DELETE FROM published_rankings; DELETE FROM scoring_schemes; DELETE FROM annual_reports`);
    await db.execute(sql`DELETE FROM role_bindings; DELETE FROM sessions; DELETE FROM users`);
    await expect(assertNoDemoAccountsInProduction(db, 'production')).resolves.toBeUndefined();
  });

  it('seeds an empty database once, even when two instances race, and the same way every time', async () => {
    const admin = inject('adminUrl');
    const name = `vg_empty_${process.pid}`;
    const pg = connect(dbUrl(admin, 'postgres'), 'external');
    await pg.pool.query(`DROP DATABASE IF EXISTS ${name}`);
    await pg.pool.query(`CREATE DATABASE ${name}`);
    const a = connect(dbUrl(admin, name), 'external');
    const b = connect(dbUrl(admin, name), 'external');
    try {
      // Two instances migrating and seeding one empty database at the same moment.
      await Promise.all([migrateDatabase(a.pool), migrateDatabase(b.pool)]);
      const results = await Promise.all([
        seedIfEmpty(a.db, 'tiny', { storage, now: clock.now() }),
        seedIfEmpty(b.db, 'tiny', { storage, now: clock.now() }),
      ]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const { rows } = await a.pool.query(
        "SELECT count(*)::int AS n, string_agg(name, ',' ORDER BY id) AS names FROM members",
      );
      const clone = await cloneTemplate(admin, inject('template'));
      const template = connect(clone.url, 'external');
      const { rows: expected } = await template.pool.query(
        "SELECT count(*)::int AS n, string_agg(name, ',' ORDER BY id) AS names FROM members",
      );
      await template.close();
      await clone.drop();
      expect(rows[0]).toEqual(expected[0]);
    } finally {
      await a.close();
      await b.close();
      await pg.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await pg.close();
    }
  });

  it('the county scale has the size the demo promises', async () => {
    const admin = inject('adminUrl');
    const name = `vg_county_${process.pid}`;
    const pg = connect(dbUrl(admin, 'postgres'), 'external');
    await pg.pool.query(`DROP DATABASE IF EXISTS ${name}`);
    await pg.pool.query(`CREATE DATABASE ${name}`);
    const county = connect(dbUrl(admin, name), 'external');
    try {
      await migrateDatabase(county.pool);
      const seeded = await seedDemoCounty(county.db, 'county', { storage, now: clock.now() });
      const { rows } = await county.pool.query(`
        SELECT (SELECT count(*)::int FROM orgs WHERE level <> 'committee') AS grassroots,
               (SELECT count(*)::int FROM orgs WHERE level = 'committee') AS committees,
               (SELECT count(DISTINCT kind)::int FROM orgs WHERE level = 'branch') AS kinds,
               (SELECT count(DISTINCT status)::int FROM members) AS statuses,
               (SELECT count(*)::int FROM party_groups) AS groups`);
      expect(rows[0].grassroots).toBeGreaterThanOrEqual(550);
      expect(rows[0].grassroots).toBeLessThanOrEqual(620);
      expect(rows[0].committees).toBeGreaterThanOrEqual(11);
      expect(rows[0].kinds).toBe(7);
      expect(rows[0].statuses).toBe(5);
      expect(rows[0].groups).toBeGreaterThan(500);
      expect(seeded.members).toBeGreaterThanOrEqual(14_000);
      expect(seeded.members).toBeLessThanOrEqual(16_000);
      // Every party group keeps the rules the app enforces.
      const { rows: broken } = await county.pool.query(`
        SELECT g.id FROM party_groups g JOIN members m ON m.group_id = g.id
        GROUP BY g.id HAVING count(*) < 3 OR count(*) FILTER (WHERE m.status = 'full') < 1`);
      expect(broken).toEqual([]);
    } finally {
      await county.close();
      await pg.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await pg.close();
    }
    // Three years of a county on two shared cores: about a minute, more when the machine is busy.
  }, 240_000);
});
