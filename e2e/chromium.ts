import { execSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

/**
 * The browser tests run in Debian's chromium. Where it is missing and apt can install it (root),
 * install it with the CJK fonts the Chinese pages need; otherwise fail with the one command to
 * run. Never skip: a browser test that did not run has not passed.
 */
export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canApt)
    throw new Error(`Debian's chromium is missing at ${CHROMIUM}. Install it with:\n  sudo ${INSTALL}`);
  console.log(`[e2e] installing chromium: ${INSTALL}`);
  execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium is still missing after: ${INSTALL}`);
}
