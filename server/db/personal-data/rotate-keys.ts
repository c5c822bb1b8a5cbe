import type pg from 'pg';
import type { Config } from '../../config';
import {
  KeyRingError,
  keyFile,
  newKeyLine,
  parseKeys,
  readKeyFile,
  retiredKeyFile,
  writeKeyFile,
} from './key-ring';
import { openPersonalData } from './open-personal-data';

type Log = (message: string) => void;

/**
 * Moves every phone and ID number to a new key. With the key file, the new key is written in
 * front of the old, everything is sealed again under it, and then the old key leaves the file; a
 * crash in between leaves both, and the next start finishes the move. With DATA_KEYS the operator
 * has put the new key first: this seals everything under it and says when the others may go.
 */
export async function rotateKeys(pool: pg.Pool, config: Config, log: Log, now = new Date()): Promise<string> {
  if (config.dataKeys) {
    const ring = await openPersonalData(pool, config, log);
    const old = [...ring.byId.keys()].filter((id) => id !== ring.current.id);
    log(
      old.length
        ? `everything is sealed under ${ring.current.id}; ${old.join(', ')} may now leave DATA_KEYS on every instance`
        : `everything is sealed under ${ring.current.id}, the only key in DATA_KEYS`,
    );
    return ring.current.id;
  }
  const text = await readKeyFile(config.dataDir);
  if (text === null) throw new KeyRingError(`${keyFile(config.dataDir)} is missing: nothing to rotate`);
  const before = parseKeys(text, keyFile(config.dataDir));
  const old = text.split(/\s+/).filter(Boolean);
  const line = newKeyLine(now);
  await writeKeyFile(config.dataDir, [line, ...old]);
  const ring = await openPersonalData(pool, config, log);
  const retired = old.map((entry) => retiredKeyFile(config.dataDir, entry.split(':')[0]!));
  for (const [i, entry] of old.entries()) await writeKeyFile(config.dataDir, [entry], retired[i]);
  await writeKeyFile(config.dataDir, [line]);
  log(`rotated ${[...before.byId.keys()].join(', ')} → ${ring.current.id} in ${keyFile(config.dataDir)}`);
  log(
    `backups made before now need ${retired.join(', ')} to be restored: keep it with them, delete it when they expire`,
  );
  return ring.current.id;
}
