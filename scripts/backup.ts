// npm run backup [-- FILE]: the whole instance (database and uploaded files) in one file.
import path from 'node:path';
import { backup } from '../server/backup/backup';
import { instanceDatabase } from '../server/backup/instance';
import { loadConfig } from '../server/config';
import { systemClock } from '../server/core/clock';
import { keyFile } from '../server/db/personal-data/key-ring';

const config = loadConfig();
const now = systemClock.now();
const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
const out = path.resolve(process.argv[2] ?? path.join(config.dataDir, 'backups', `vanguard-${stamp}.tar.gz`));
const database = await instanceDatabase(config);
try {
  const started = Date.now();
  const manifest = await backup(database.pool, config.filesDir, out, now);
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `[vanguard] backup written to ${out}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `[vanguard] phones and ID numbers in it are sealed: keep ${config.dataKeys ? 'DATA_KEYS' : keyFile(config.dataDir)} safe too, apart from the backups`,
  );
} finally {
  await database.close();
}
