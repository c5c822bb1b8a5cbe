import { buildApp } from './app';
import { ensureClientBuilt } from './client-build';
import { loadConfig } from './config';
import { systemClock } from './core/clock';
import { migrateDatabase } from './db/migrate';
import { openDatabase, StartupError } from './db/open';
import { KeyRingError } from './db/personal-data/key-ring';
import { openPersonalData } from './db/personal-data/open-personal-data';
import { reachableAt } from './http/addresses';
import { scheduleAlerts } from './jobs/alert-schedule';
import { scheduleFolding } from './jobs/fold-schedule';
import { keepFixedDays } from './read-model/fixed-days';
import { assertNoDemoAccountsInProduction, seedIfEmpty } from './seed/bootstrap';
import { localStorage } from './storage/local';

const started = Date.now();
const config = loadConfig();
const clock = systemClock;
const log = (msg: string) => console.log(`[vanguard] ${msg}`);

await ensureClientBuilt(log);
const database = await openDatabase(config).catch((e: unknown) => {
  if (!(e instanceof StartupError)) throw e;
  console.error(`[vanguard] ${e.message}`);
  process.exit(1);
});
log(database.kind === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL at DATABASE_URL');

try {
  await migrateDatabase(database.pool);
  await openPersonalData(database.pool, config, log);
  if (config.seedDemo && config.env !== 'production') {
    const seeded = await seedIfEmpty(database.db, 'county', {
      storage: localStorage(config.filesDir),
      now: clock.now(),
      config,
    });
    if (seeded) {
      log(
        `demo county loaded: ${seeded.orgs} organizations, ${seeded.members} members, ${seeded.activities} activities, ${seeded.attendance} check-ins`,
      );
    }
  }
  await assertNoDemoAccountsInProduction(database.db, config.env);
} catch (e) {
  await database.close();
  if (!(e instanceof KeyRingError)) throw e;
  console.error(`[vanguard] ${e.message}`);
  process.exit(1);
}

// The months each branch owes, computed before the first screen asks (after an upgrade, for all).
await keepFixedDays(database.db, clock.now());
const app = await buildApp({ database, config, clock });
scheduleAlerts(app, { db: database.db, config, clock }, log);
scheduleFolding(app, { db: database.db, config, clock }, log);
await app.listen({ port: config.port, host: config.host });
log(
  `ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${reachableAt(config.host, config.port).join(', ')}`,
);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
