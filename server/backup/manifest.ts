import { createHash } from 'node:crypto';
import fs from 'node:fs';

export const FORMAT = 'vanguard-backup/1';

/** What a backup holds, with a checksum of every part: a restore checks them all before it writes. */
export type Manifest = {
  format: typeof FORMAT;
  createdAt: string;
  /** The migrations the database had run, in order: a restore runs the same ones before loading. */
  migrations: string[];
  tables: { name: string; rows: number; file: string; sha256: string }[];
  files: { path: string; bytes: number; sha256: string }[];
};

export function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/** Every file under `root`, as paths relative to it. */
export async function filesUnder(root: string): Promise<string[]> {
  if (!fs.existsSync(root)) return [];
  const entries = await fs.promises.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath}/${e.name}`.slice(root.length + 1))
    .sort();
}
