import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { create, extract } from 'tar';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../app';
import { verifyChain } from '../core/ledger/chain';
import { connect } from '../db/open';
import { aggregateDrift } from '../read-model/aggregates';
import { tinyCounty } from '../test/fixtures';
import { testApp } from '../test/harness';
import { testClock } from '../test/test-clock';
import { dbUrl } from '../test/test-server';
import { backup } from './backup';
import { filesUnder } from './manifest';
import { RestoreError, restore } from './restore';

const { db, pool, config, clock, as } = await testApp();
const fx = await tinyCounty(db);
const work = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-backup-test-'));
// The run's files directory is shared with test files running beside this one: the instance
// backed up here has a private copy of it, as a real instance has its own.
const filesDir = path.join(work, 'files');
await fs.cp(config.filesDir, filesDir, { recursive: true });

const adminUrl = inject('adminUrl');
async function emptyDatabase() {
  const name = `vg_restore_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = connect(dbUrl(adminUrl, name), 'external');
  afterAll(async () => {
    await database.close();
    const drop = new pg.Client({ connectionString: adminUrl });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await drop.end();
  });
  return database;
}
afterAll(() => fs.rm(work, { recursive: true, force: true }));

/** A digest of every table's whole content, row by row, so two databases compare in one call. */
async function contents(p: pg.Pool, tables: string[]) {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const { rows } = await p.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t}" x`,
    );
    out[t] = `${rows[0].n}:${rows[0].h}`;
  }
  return out;
}

describe('backup and restore', () => {
  const file = path.join(work, 'vanguard.tar.gz');

  it('round-trips the demo county: every table, the ledger chains, the kept figures and the files', async () => {
    // A change a person made, so the audit log is part of what comes back.
    const county = await as('county');
    expect(
      (await county.patch(`/api/v1/orgs/${fx.county.id}`, { name: `${fx.county.name}（备份前）` }))
        .statusCode,
    ).toBe(200);
    const manifest = await backup(pool, filesDir, file, clock.now());
    expect(manifest.tables.map((t) => t.name)).toContain('audit_log');
    expect(manifest.tables.map((t) => t.name)).not.toContain('sessions');
    expect(manifest.files.length).toBeGreaterThan(0);

    const target = await emptyDatabase();
    const restoredFiles = path.join(work, 'restored-files');
    await restore(target.pool, restoredFiles, file);

    const tables = manifest.tables.map((t) => t.name);
    expect(await contents(target.pool, tables)).toEqual(await contents(pool, tables));
    const { rows: branches } = await target.pool.query<{ org_id: number }>(
      'SELECT DISTINCT org_id FROM ledger_entries ORDER BY org_id',
    );
    expect(branches.length).toBeGreaterThan(0);
    for (const { org_id } of branches) {
      const [before, after] = await Promise.all([verifyChain(db, org_id), verifyChain(target.db, org_id)]);
      expect(after).toEqual({ entries: before.entries, brokenAt: null });
    }
    expect(await target.db.transaction((tx) => aggregateDrift(tx))).toEqual([]);

    expect(await filesUnder(restoredFiles)).toEqual(manifest.files.map((f) => f.path));
    for (const f of manifest.files.slice(0, 10))
      expect(await fs.readFile(path.join(restoredFiles, f.path))).toEqual(
        await fs.readFile(path.join(filesDir, f.path)),
      );

    // The restored instance works: a sign-in and a new row (the sequences are past every id).
    const app = await buildApp({
      database: target,
      config: { ...config, filesDir: restoredFiles },
      clock: testClock(),
    });
    afterAll(() => app.close());
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'county', password: 'vanguard-demo' },
    });
    expect(login.statusCode).toBe(200);
    const highest = (await target.pool.query('SELECT max(id) AS m FROM orgs')).rows[0].m;
    const made = await target.pool.query(
      `INSERT INTO orgs (parent_id, path, name, level, kind) VALUES ($1, '/x/', '新组织', 'branch', 'village') RETURNING id`,
      [fx.county.id],
    );
    expect(made.rows[0].id).toBeGreaterThan(highest);
  });

  it('refuses a database that is not empty, and a damaged file, writing nothing', async () => {
    await expect(restore(pool, path.join(work, 'elsewhere'), file)).rejects.toThrow(/not empty/);

    const unpacked = path.join(work, 'unpacked');
    await fs.mkdir(unpacked);
    await extract({ file, cwd: unpacked });
    const [copy] = (await fs.readdir(path.join(unpacked, 'db'))).filter((f) => f.includes('-orgs.copy'));
    const orgsFile = path.join(unpacked, 'db', copy!);
    await fs.writeFile(orgsFile, (await fs.readFile(orgsFile, 'utf8')).replace('中共', '中國'));
    const damaged = path.join(work, 'damaged.tar.gz');
    await create({ gzip: true, file: damaged, cwd: unpacked }, await fs.readdir(unpacked));
    const target = await emptyDatabase();
    const refused = await restore(target.pool, path.join(work, 'damaged-files'), damaged).catch((e) => e);
    expect(refused).toBeInstanceOf(RestoreError);
    expect(refused.message).toMatch(/damaged.*orgs\.copy/);
    const { rows } = await target.pool.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    expect(rows[0].n).toBe(0);
    expect(await target.db.execute(sql`SELECT 1`)).toBeTruthy();
  });
});
