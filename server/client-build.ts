import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_DIR } from './app';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = [
  'client',
  'common',
  'vite.config.ts',
  'scripts/precompress.ts',
  'scripts/service-worker.ts',
  'scripts/phone-messages.ts',
  'scripts/phone-chunk.ts',
  'package-lock.json',
];
const STAMP = path.join(CLIENT_DIR, '.source-hash');

async function hashSources(): Promise<string> {
  const hash = createHash('sha256');
  const visit = async (p: string) => {
    const stat = await fs.stat(p);
    if (stat.isDirectory()) {
      for (const entry of (await fs.readdir(p)).sort()) await visit(path.join(p, entry));
    } else {
      hash.update(path.relative(ROOT, p));
      hash.update(await fs.readFile(p));
    }
  };
  for (const s of SOURCES) await visit(path.join(ROOT, s));
  return hash.digest('hex');
}

/**
 * Builds the client when its sources changed since the last build, so `npm start` is one command
 * on a fresh clone and stays quick on every start after.
 */
export async function ensureClientBuilt(log: (msg: string) => void): Promise<void> {
  const current = await hashSources();
  const built = await fs.readFile(STAMP, 'utf8').catch(() => null);
  if (built === current) return;
  log('building the web client (first start or changed sources)…');
  const { build } = await import('vite');
  // The production build always, as a user gets it: under the test runner NODE_ENV is "test",
  // which would bundle React's development build and leave out the service worker.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  await fs.writeFile(STAMP, current);
}
