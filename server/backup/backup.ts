import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { create } from 'tar';
import { FORMAT, filesUnder, type Manifest, sha256Of } from './manifest';
import { appliedMigrations } from './migrations';
import { tablesInLoadOrder } from './tables';

/**
 * Writes one file holding the whole instance: every table as PostgreSQL COPY text, read in one
 * snapshot, the uploaded files, and a manifest with the migrations run and a checksum of each
 * part. Works the same on the embedded server and at DATABASE_URL (no pg_dump needed).
 */
export async function backup(pool: pg.Pool, filesDir: string, out: string, now: Date): Promise<Manifest> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-backup-'));
  try {
    await fs.mkdir(path.join(work, 'db'));
    const client = await pool.connect();
    let tables: Manifest['tables'] = [];
    let migrations: string[];
    try {
      // One snapshot for every table: the ledger's chain and the rows it vouches for agree.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      migrations = await appliedMigrations(client);
      for (const [i, name] of (await tablesInLoadOrder(client)).entries()) {
        const file = `db/${String(i).padStart(3, '0')}-${name}.copy`;
        await pipeline(
          client.query(copyTo(`COPY "${name}" TO STDOUT`)),
          createWriteStream(path.join(work, file)),
        );
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
        tables.push({ name, rows: rows[0]!.n, file, sha256: await sha256Of(path.join(work, file)) });
      }
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      tables = [];
      throw e;
    } finally {
      client.release();
    }
    const files: Manifest['files'] = [];
    for (const relative of await filesUnder(filesDir)) {
      const full = path.join(filesDir, relative);
      files.push({ path: relative, bytes: (await fs.stat(full)).size, sha256: await sha256Of(full) });
    }
    const manifest: Manifest = { format: FORMAT, createdAt: now.toISOString(), migrations, tables, files };
    await fs.writeFile(path.join(work, 'manifest.json'), JSON.stringify(manifest, null, 1));
    // The files are packed from where they are, through a link: nothing is copied twice on disk.
    if (files.length) await fs.symlink(path.resolve(filesDir), path.join(work, 'files'));
    await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await create({ gzip: true, file: out, cwd: work, follow: true, portable: true }, [
      'manifest.json',
      'db',
      ...(files.length ? ['files'] : []),
    ]);
    return manifest;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}
