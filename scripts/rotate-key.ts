// npm run rotate-key: phones and ID numbers sealed again under a new key (the app stopped).
// npm run rotate-key -- --print-new-key: a key line for DATA_KEYS, printed and nothing else.
import { instanceDatabase } from '../server/backup/instance';
import { loadConfig } from '../server/config';
import { KeyRingError, newKeyLine } from '../server/db/personal-data/key-ring';
import { rotateKeys } from '../server/db/personal-data/rotate-keys';

if (process.argv.includes('--print-new-key')) {
  console.log(newKeyLine());
  process.exit(0);
}
const config = loadConfig();
const database = await instanceDatabase(config);
const log = (message: string) => console.log(`[vanguard] ${message}`);
// A running app holds the old ring and could not open what is sealed under the new key.
if (!config.databaseUrl && database.kind === 'external') {
  console.error('[vanguard] the app is running on this DATA_DIR: stop it, rotate, then start it again');
  await database.close();
  process.exit(1);
}
try {
  const started = Date.now();
  await rotateKeys(database.pool, config, log);
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  if (!(e instanceof KeyRingError)) throw e;
  console.error(`[vanguard] ${e.message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
