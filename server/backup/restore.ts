import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { extract } from 'tar';
import { migrateDatabase } from '../db/migrate';
import { FORMAT, filesUnder, type Manifest, sha256Of } from './manifest';
import { knownMigrations, migrateTo } from './migrations';

/** A restore that cannot go ahead, said in one line the person running it can act on. */
export class RestoreError extends Error {}

async function checkedManifest(work: string): Promise<Manifest> {
  const manifest = JSON.parse(await fs.readFile(path.join(work, 'manifest.json'), 'utf8').catch(() => '{}'));
  if (manifest.format !== FORMAT) throw new RestoreError('this file is not a Vanguard backup (no manifest)');
  const damaged: string[] = [];
  for (const t of manifest.tables as Manifest['tables'])
    if ((await sha256Of(path.join(work, t.file)).catch(() => '')) !== t.sha256) damaged.push(t.file);
  for (const f of manifest.files as Manifest['files'])
    if ((await sha256Of(path.join(work, 'files', f.path)).catch(() => '')) !== f.sha256)
      damaged.push(`files/${f.path}`);
  if (damaged.length)
    throw new RestoreError(
      `the backup is damaged: ${damaged.length} part(s) do not match their checksum, e.g. ${damaged[0]}`,
    );
  const known = await knownMigrations();
  if (manifest.migrations.some((tag: string, i: number) => known[i] !== tag))
    throw new RestoreError(
      'the backup was made by a newer version of Vanguard: restore it with that version',
    );
  return manifest;
}

/**
 * Brings an empty database (and an empty files directory) back to the state a backup holds:
 * checks every checksum first, runs the migrations the backup was made at, loads every table in
 * one transaction with the triggers off (the kept figures, the audit log and the ledger chain
 * come back as they were, not recounted), sets the sequences past the highest ids, restores the
 * files, then runs this version's later migrations.
 */
export async function restore(pool: pg.Pool, filesDir: string, file: string): Promise<Manifest> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-restore-'));
  try {
    await extract({ file, cwd: work }).catch((e: Error) => {
      throw new RestoreError(`cannot read ${file}: ${e.message}`);
    });
    const manifest = await checkedManifest(work);
    const client = await pool.connect();
    let started = false;
    try {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'drizzle')`,
      );
      if (rows[0]!.n > 0)
        throw new RestoreError(
          'the database is not empty: restore into an empty DATA_DIR or an empty database',
        );
      if ((await filesUnder(filesDir)).length > 0)
        throw new RestoreError(`${filesDir} is not empty: restore into an empty DATA_DIR`);
      started = true;
      await migrateTo(client, manifest.migrations);
      await client.query('BEGIN');
      for (const table of manifest.tables) {
        await client.query(`ALTER TABLE "${table.name}" DISABLE TRIGGER USER`);
        await pipeline(
          createReadStream(path.join(work, table.file)),
          client.query(copyFrom(`COPY "${table.name}" FROM STDIN`)),
        );
        await client.query(`ALTER TABLE "${table.name}" ENABLE TRIGGER USER`);
      }
      await client.query(`
        DO $$ DECLARE s record; BEGIN
          FOR s IN SELECT c.table_name, c.column_name, pg_get_serial_sequence(format('%I', c.table_name), c.column_name) AS seq
            FROM information_schema.columns c
            WHERE c.table_schema = 'public' AND pg_get_serial_sequence(format('%I', c.table_name), c.column_name) IS NOT NULL
          LOOP
            EXECUTE format('SELECT setval(%L, coalesce(max(%I), 0) + 1, false) FROM %I', s.seq, s.column_name, s.table_name);
          END LOOP;
        END $$`);
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      // Empty again, so that the restore can simply be run again once its cause is fixed.
      if (started)
        await client
          .query('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public')
          .catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    for (const f of manifest.files) {
      const target = path.join(filesDir, f.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.copyFile(path.join(work, 'files', f.path), target);
    }
    await migrateDatabase(pool);
    return manifest;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
