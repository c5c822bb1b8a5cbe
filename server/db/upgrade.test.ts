import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Ranking } from '../../common/schemas/ranking';
import { scoreLines } from '../../common/scoring';
import { buildApp } from '../app';
import { knownMigrations } from '../backup/migrations';
import { restore } from '../backup/restore';
import { aggregateDrift } from '../read-model/aggregates';
import { testClock } from '../test/test-clock';
import { dbUrl, testConfig } from '../test/test-server';
import { connect } from './open';
import { openPersonalData, SEALED_COLUMNS } from './personal-data/open-personal-data';
import { members, users } from './schema/index';

/**
 * The previous release's data, brought forward by this version's migrations. The fixture is the
 * tiny demo county as release 3dfdce9 seeded it (its own migrations and seed code, in a git
 * worktree of that commit, clock at 2026-11-18 10:00), written with `npm run backup`, and the
 * figures that release answered then: the county's dashboard and ranking for three years, a
 * branch's ledgers, calendars and chain. Made again for each release that changes the schema.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(HERE, '../test/previous-release');
const expected = JSON.parse(await fs.readFile(path.join(FIXTURE, 'figures.json'), 'utf8')) as {
  release: string;
  now: string;
  figures: { user: string; url: string; body: unknown }[];
};

/** That release's ranking rows carried each item's breakdown; this one carries the values only. */
type OldRanking = { rows: { lines: { item: string; value: number | null }[] }[] };
const asValues = (r: OldRanking) => ({
  ...r,
  rows: r.rows.map(({ lines, ...row }) => ({
    ...row,
    values: Object.fromEntries(lines.map((l) => [l.item, l.value])),
  })),
});

const adminUrl = inject('adminUrl');
const name = `vg_upgrade_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name}`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const database = connect(dbUrl(adminUrl, name), 'external');
const filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-upgrade-'));
afterAll(async () => {
  await database.close();
  await fs.rm(filesDir, { recursive: true, force: true });
  const drop = new pg.Client({ connectionString: adminUrl });
  await drop.connect();
  await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await drop.end();
});

describe(`upgrading from release ${expected.release}`, () => {
  it('runs the later migrations over its data and answers every figure as it did', async () => {
    const manifest = await restore(database.pool, filesDir, path.join(FIXTURE, 'tiny-county.tar.gz'));
    const known = await knownMigrations();
    expect(manifest.migrations.length).toBeLessThan(known.length);
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    expect(rows[0].n).toBe(known.length);

    // That release kept phones and ID numbers in the clear: the first start seals them.
    const plain = (await database.pool.query('SELECT id, phone, id_number FROM members ORDER BY id')).rows;
    const config = { ...testConfig(filesDir), filesDir };
    await openPersonalData(database.pool, config);
    for (const { table, column, constraint } of SEALED_COLUMNS) {
      const { rows: clear } = await database.pool.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${column} NOT LIKE 'v1.%'`,
      );
      expect(clear[0].n, `${table}.${column}`).toBe(0);
      const { rows: held } = await database.pool.query(
        'SELECT convalidated FROM pg_constraint WHERE conname = $1',
        [constraint],
      );
      expect(held[0].convalidated, constraint).toBe(true);
    }
    const opened = await database.db
      .select({ id: members.id, phone: members.phone, id_number: members.idNumber })
      .from(members)
      .orderBy(members.id);
    expect(opened).toEqual(plain);
    expect(plain.filter((m) => m.phone).length).toBeGreaterThan(20);

    const clock = testClock();
    clock.set(expected.now);
    const app = await buildApp({ database, config, clock });
    afterAll(() => app.close());
    const cookies: Record<string, string> = {};
    for (const username of new Set(expected.figures.map((f) => f.user))) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'vanguard-demo' },
      });
      cookies[username] = res.cookies.find((c) => c.name === 'vg_session')!.value;
    }
    for (const { user, url, body } of expected.figures) {
      const res = await app.inject({ url, cookies: { vg_session: cookies[user]! } });
      expect(res.statusCode, url).toBe(200);
      expect(res.json(), url).toEqual(url.includes('/ranking?') ? asValues(body as OldRanking) : body);
    }

    // Its published ranking, rows with lines, now carries the values the lines had (0015).
    const published = await app.inject({
      url: '/api/v1/rankings/1',
      cookies: { vg_session: cookies.county! },
    });
    expect(published.statusCode, published.body).toBe(200);
    const { rows: ranked, weights } = published.json<Ranking>();
    expect(ranked.length).toBeGreaterThan(3);
    for (const row of ranked) {
      expect(row).not.toHaveProperty('lines');
      const points = scoreLines(row.values, weights).reduce((s, l) => s + l.points, 0);
      expect(Math.abs(points - row.score), row.orgName).toBeLessThan(0.05);
    }
    expect(await database.db.transaction((tx) => aggregateDrift(tx))).toEqual([]);

    // A phone still signs in, through its blind index.
    const [withPhone] = await database.db
      .select({ phone: users.phone })
      .from(users)
      .where(sql`phone IS NOT NULL`)
      .limit(1);
    const byPhone = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: withPhone!.phone, password: 'vanguard-demo' },
    });
    expect(byPhone.statusCode, byPhone.body).toBe(200);
  });
});
