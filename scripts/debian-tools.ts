import { execSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * The tests use a few of Debian's programs: chromium (and CJK fonts) for the browser tests,
 * pdftotext and pdfimages (poppler-utils) to read exported PDFs back. Where one is missing and
 * apt can install it (root), it is installed; otherwise the run stops with the one command to
 * type. Never skip: a test that did not run has not passed.
 */
export function ensureDebianTools(tools: { bin: string; packages: string }[]): void {
  const missing = tools.filter((t) => !fs.existsSync(t.bin));
  if (!missing.length) return;
  const install = `apt-get update && apt-get install -y ${missing.map((t) => t.packages).join(' ')}`;
  const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canApt)
    throw new Error(`Missing ${missing.map((t) => t.bin).join(', ')}. Install with:\n  sudo ${install}`);
  console.log(`[tests] installing: ${install}`);
  execSync(install, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const still = missing.filter((t) => !fs.existsSync(t.bin));
  if (still.length) throw new Error(`still missing after ${install}: ${still.map((t) => t.bin).join(', ')}`);
}

export const CHROMIUM = '/usr/bin/chromium';
export const BROWSER_TOOLS = [{ bin: CHROMIUM, packages: 'chromium fonts-noto-cjk' }];
export const PDF_TOOLS = [{ bin: '/usr/bin/pdftotext', packages: 'poppler-utils' }];
