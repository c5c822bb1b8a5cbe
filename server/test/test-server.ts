import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../config';
import { systemClock } from '../core/clock';
import { migrateDatabase } from '../db/migrate';
import { connect, startEmbedded } from '../db/open';
import { openPersonalData } from '../db/personal-data/open-personal-data';
import { seedDemoCounty } from '../seed/demo-county';
import { localStorage } from '../storage/local';

export type TestServer = { adminUrl: string; template: string; dataDir: string; stop: () => Promise<void> };

/** The tests' own key, fixed so every database cloned from the template opens with it. */
const TEST_DATA_KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;

/** The configuration of a test instance: its data dir, the tests' key. */
export const testConfig = (dataDir: string): Config =>
  loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATA_KEYS: TEST_DATA_KEYS });

export const dbUrl = (adminUrl: string, database: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

async function admin(adminUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * One PostgreSQL per test run: `TEST_DATABASE_URL` when set, else an embedded server in a temp
 * dir. A template database is migrated and loaded with the tiny demo county once; every test
 * file then clones it in milliseconds.
 */
export async function startTestServer(): Promise<TestServer> {
  // Files of the whole run (the demo's photos, every test's uploads) live in one temp dir.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-data-'));
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  if (!adminUrl) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-test-'));
    // mkdtemp makes it private; PostgreSQL runs as its own user and must reach inside.
    await fs.chmod(dir, 0o755);
    const server = await startEmbedded(path.join(dir, 'pg'), { fast: true });
    adminUrl = server.url('postgres');
    stopServer = async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  const template = `vg_tpl_${process.pid}`;
  await admin(adminUrl, `DROP DATABASE IF EXISTS ${template}`);
  await admin(adminUrl, `CREATE DATABASE ${template}`);
  const database = connect(dbUrl(adminUrl, template), 'external');
  try {
    await migrateDatabase(database.pool);
    await openPersonalData(database.pool, testConfig(dataDir));
    await seedDemoCounty(database.db, 'tiny', {
      storage: localStorage(path.join(dataDir, 'files')),
      now: systemClock.now(),
    });
  } finally {
    await database.close();
  }
  return {
    adminUrl,
    template,
    dataDir,
    stop: async () => {
      await admin(adminUrl, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
      await stopServer();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database cloned from the template; `drop` removes it. */
export async function cloneTemplate(adminUrl: string, template: string) {
  const name = `${template}_${Math.random().toString(36).slice(2, 10)}`;
  await admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: dbUrl(adminUrl, name),
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
