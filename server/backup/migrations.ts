import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { MIGRATIONS_DIR } from '../db/migrate';

type Journal = { entries: { idx: number; when: number; tag: string; breakpoints: boolean }[] };

const readJournal = async (dir = MIGRATIONS_DIR): Promise<Journal> =>
  JSON.parse(await fs.readFile(path.join(dir, 'meta', '_journal.json'), 'utf8'));

/** The tags of the migrations this database has run, in order. */
export async function appliedMigrations(client: pg.PoolClient | pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ created_at: string }>(
    'SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at',
  );
  const applied = new Set(rows.map((r) => Number(r.created_at)));
  return (await readJournal()).entries.filter((e) => applied.has(e.when)).map((e) => e.tag);
}

/** This version's migrations, in order. */
export async function knownMigrations(): Promise<string[]> {
  return (await readJournal()).entries.map((e) => e.tag);
}

/**
 * Runs exactly the migrations a backup was made at, so its rows load into the tables they came
 * from; the later ones run after the load and bring the data forward like any upgrade.
 */
export async function migrateTo(client: pg.PoolClient, tags: string[]): Promise<void> {
  const journal = await readJournal();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-migrations-'));
  try {
    await fs.mkdir(path.join(dir, 'meta'));
    const entries = journal.entries.filter((e) => tags.includes(e.tag));
    for (const e of entries)
      await fs.copyFile(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    await fs.writeFile(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    await migrate(drizzle(client), { migrationsFolder: dir });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
