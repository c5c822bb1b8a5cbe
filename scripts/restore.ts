// npm run restore FILE: an empty DATA_DIR (or an empty database at DATABASE_URL) back to a backup.
import path from 'node:path';
import { instanceDatabase } from '../server/backup/instance';
import { RestoreError, restore } from '../server/backup/restore';
import { loadConfig } from '../server/config';
import { KeyRingError } from '../server/db/personal-data/key-ring';
import { openPersonalData } from '../server/db/personal-data/open-personal-data';

const file = process.argv[2];
if (!file) {
  console.error('[vanguard] usage: npm run restore -- FILE (a file written by npm run backup)');
  process.exit(2);
}
const config = loadConfig();
const database = await instanceDatabase(config);
try {
  const started = Date.now();
  const manifest = await restore(database.pool, config.filesDir, path.resolve(file));
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `[vanguard] restored ${file} (made ${manifest.createdAt}): ${rows} rows, ${manifest.files.length} files, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  // The backup holds phones and ID numbers sealed, never the key that opens them.
  await openPersonalData(database.pool, config, (message) => console.log(`[vanguard] ${message}`));
} catch (e) {
  if (!(e instanceof RestoreError || e instanceof KeyRingError)) throw e;
  const restored =
    e instanceof KeyRingError ? 'restored, but the app starts only once its key is here: ' : '';
  console.error(`[vanguard] ${restored}${e.message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
