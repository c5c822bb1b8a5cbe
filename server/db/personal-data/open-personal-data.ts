import type pg from 'pg';
import type { Config } from '../../config';
import {
  type KeyRing,
  KeyRingError,
  keyFile,
  newKeyLine,
  parseKeys,
  readKeyFile,
  writeKeyFile,
} from './key-ring';
import { blindIndex, installKeyRing, seal, unseal } from './sealed';

/** Every sealed column with its blind index and the constraint that holds new writes to both. */
export const SEALED_COLUMNS = [
  { table: 'members', column: 'phone', index: 'phone_hmac', constraint: 'members_phone_sealed' },
  { table: 'members', column: 'id_number', index: 'id_number_hmac', constraint: 'members_id_number_sealed' },
  { table: 'users', column: 'phone', index: 'phone_hmac', constraint: 'users_phone_sealed' },
  { table: 'guests', column: 'phone', index: 'phone_hmac', constraint: 'guests_phone_sealed' },
] as const;

// Instances starting together open the ring one after another, like migrations.
const KEY_LOCK = 7_411_003;
const BATCH = 2_000;

type Log = (message: string) => void;

/**
 * Loads the key ring (DATA_KEYS, or the key file in DATA_DIR, made on the first start of an empty
 * database), refuses to start with keys that do not open this database's data, and seals under
 * the first key every value that is not yet: rows from before sealing existed, and after a new
 * key was put first, every row (the rotation). Then it holds the database to sealed writes only.
 */
export async function openPersonalData(pool: pg.Pool, config: Config, log: Log = () => {}): Promise<KeyRing> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [KEY_LOCK]);
    const registered = new Map(
      (
        await client.query<{ id: string; check: string }>('SELECT id, "check" FROM personal_data_keys')
      ).rows.map((r) => [r.id, r.check]),
    );
    const ring = await keyRingFor(config, registered.size > 0, log);
    for (const [id, check] of registered) {
      const key = ring.byId.get(id);
      const source = config.dataKeys ? 'DATA_KEYS' : keyFile(config.dataDir);
      if (!key)
        throw new KeyRingError(
          `this database's phones and ID numbers are sealed with key ${id}, which ${source} does not hold`,
        );
      if (key.check !== check)
        throw new KeyRingError(`key ${id} in ${source} is not the key that sealed this database's data`);
    }
    installKeyRing(ring);
    await client.query(
      'INSERT INTO personal_data_keys (id, "check") VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [ring.current.id, ring.current.check],
    );
    const moved = await sealUnderCurrentKey(client, ring);
    if (moved) log(`sealed the phones and ID numbers of ${moved} records under key ${ring.current.id}`);
    // Nothing is sealed with another key any more: it may leave the ring.
    await client.query('DELETE FROM personal_data_keys WHERE id <> $1', [ring.current.id]);
    await holdToSealedWrites(client);
    return ring;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [KEY_LOCK]).catch(() => {});
    client.release();
  }
}

async function keyRingFor(config: Config, dataExists: boolean, log: Log): Promise<KeyRing> {
  if (config.dataKeys) return parseKeys(config.dataKeys, 'DATA_KEYS');
  const file = keyFile(config.dataDir);
  const text = await readKeyFile(config.dataDir);
  if (text !== null) return parseKeys(text, file);
  if (dataExists)
    throw new KeyRingError(
      `${file} is missing: copy it from the machine this data came from (for a backup older than a rotation, its retired key from keys/retired/), or set DATA_KEYS`,
    );
  const line = newKeyLine();
  await writeKeyFile(config.dataDir, [line]);
  log(`made the key that seals phones and ID numbers: ${file} (keep a copy apart from the backups)`);
  return parseKeys(line, file);
}

/**
 * Re-seals, batch by batch, every row with a value not sealed under the first key, with its blind
 * indexes; a row's sealed columns move together, since the database checks them together.
 */
async function sealUnderCurrentKey(client: pg.PoolClient, ring: KeyRing): Promise<number> {
  const current = `v1.${ring.current.id}.%`;
  let moved = 0;
  for (const table of new Set(SEALED_COLUMNS.map((s) => s.table))) {
    const columns = SEALED_COLUMNS.filter((s) => s.table === table);
    const stale = columns.map((s) => `${s.column} NOT LIKE $1`).join(' OR ');
    for (;;) {
      const { rows } = await client.query<Record<string, string | null> & { id: number }>(
        `SELECT id, ${columns.map((s) => s.column).join(', ')} FROM ${table} WHERE ${stale} ORDER BY id LIMIT ${BATCH}`,
        [current],
      );
      if (!rows.length) break;
      const values: unknown[][] = [rows.map((r) => r.id)];
      for (const { column } of columns) {
        const plain = rows.map((r) => (r[column] === null ? null : unseal(r[column]!)));
        values.push(
          plain.map((p) => p && seal(p)),
          plain.map((p) => p && blindIndex(p)),
        );
      }
      const sets = columns.map((s, i) => `${s.column} = v.c${i}, ${s.index} = v.i${i}`).join(', ');
      const unnest = columns.map((_, i) => `$${2 * i + 2}::text[], $${2 * i + 3}::text[]`).join(', ');
      const names = columns.map((_, i) => `c${i}, i${i}`).join(', ');
      await client.query(
        `UPDATE ${table} t SET ${sets} FROM unnest($1::int[], ${unnest}) AS v(id, ${names}) WHERE t.id = v.id`,
        values,
      );
      moved += rows.length;
    }
  }
  return moved;
}

async function holdToSealedWrites(client: pg.PoolClient) {
  const { rows } = await client.query<{ table: string; name: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name FROM pg_constraint c
     WHERE c.conname = ANY($1) AND NOT c.convalidated`,
    [SEALED_COLUMNS.map((s) => s.constraint)],
  );
  for (const { table, name } of rows) await client.query(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${name}`);
}
