import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The keys that seal phones and ID numbers. Each key is 32 random bytes with a short id; from it
 * come two keys of their own, one that encrypts and one that makes the blind index, so the
 * index never reveals the encryption key. The first key seals new data; the others only open
 * what they sealed, until `npm run rotate-key` has moved everything to the first.
 */
export type DataKey = { id: string; seal: Buffer; index: Buffer; check: string };
export type KeyRing = { current: DataKey; byId: ReadonlyMap<string, DataKey> };

export class KeyRingError extends Error {}

const derive = (material: Buffer, purpose: string) =>
  Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), `vanguard personal data ${purpose}`, 32));

function dataKey(id: string, material: Buffer): DataKey {
  const index = derive(material, 'index');
  // Kept in the database beside the data, so a start with the wrong key is refused before it
  // writes anything; it reveals nothing of the key.
  const check = createHmac('sha256', index).update('vanguard key check').digest('hex').slice(0, 32);
  return { id, seal: derive(material, 'seal'), index, check };
}

/** `id:base64` entries separated by commas or new lines, the sealing key first. */
export function parseKeys(text: string, source: string): KeyRing {
  const entries = text
    .split(/[\s,]+/)
    .map((e) => e.trim())
    .filter(Boolean);
  const keys = entries.map((entry) => {
    const [id, encoded] = entry.split(':');
    const material = Buffer.from(encoded ?? '', 'base64');
    if (!id || !/^[A-Za-z0-9_-]{1,32}$/.test(id) || material.length !== 32)
      throw new KeyRingError(
        `${source}: each key is "id:base64 of 32 bytes" (npm run rotate-key -- --print-new-key makes one)`,
      );
    return dataKey(id, material);
  });
  if (!keys.length) throw new KeyRingError(`${source} holds no key`);
  return { current: keys[0]!, byId: new Map(keys.map((k) => [k.id, k])) };
}

/** A fresh key line, named after the day it was made so rotations read in order. */
export function newKeyLine(now = new Date()): string {
  const id = `k${now.toISOString().slice(0, 10).replaceAll('-', '')}${randomBytes(2).toString('hex')}`;
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export const keyFile = (dataDir: string) => path.join(dataDir, 'keys', 'personal-data.key');

export async function readKeyFile(dataDir: string): Promise<string | null> {
  return fs.readFile(keyFile(dataDir), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
}

/** Where a key goes when it is rotated out: backups made before the rotation need it. */
export const retiredKeyFile = (dataDir: string, id: string) =>
  path.join(dataDir, 'keys', 'retired', `${id}.key`);

/** Written whole and then renamed, readable by its owner alone: a crash never leaves half a key. */
export async function writeKeyFile(dataDir: string, lines: string[], file = keyFile(dataDir)): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, `${lines.join('\n')}\n`, { mode: 0o600 });
  await fs.rename(temporary, file);
}
