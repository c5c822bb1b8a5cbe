import fs from 'node:fs/promises';
import path from 'node:path';
import { connect, type Database, openDatabase } from '../db/open';

/**
 * The instance's database for a command run beside it: `DATABASE_URL`; else the embedded server
 * the running app started in `DATA_DIR` (its port is in PostgreSQL's pid file); else the embedded
 * server started here for the command's length.
 */
export async function instanceDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (config.databaseUrl) return connect(config.databaseUrl, 'external');
  const pidFile = await fs
    .readFile(path.join(config.dataDir, 'postgres', 'postmaster.pid'), 'utf8')
    .catch(() => null);
  const [pid, , , port] = pidFile?.split('\n') ?? [];
  if (pid && port && isAlive(Number(pid)))
    return connect(`postgres://postgres:vanguard@127.0.0.1:${port}/vanguard`, 'external');
  return openDatabase(config);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
