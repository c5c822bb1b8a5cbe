// npm run bench: start-up of the app on an empty and on a loaded data dir, and the member list of
// the county dataset, filtered and paged. Figures go to stdout; bench/README.md records them.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { freePort } from '../server/db/open';

const ROOT = path.resolve(import.meta.dirname, '..');

async function waitForHealth(port: number, child: ReturnType<typeof spawn>): Promise<void> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error('the app exited before it answered');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Seconds from `npm start`'s command to the first healthy answer, then a clean stop. */
async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(port, child);
  const seconds = (performance.now() - t0) / 1000;
  const stopped = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await stopped;
  return seconds;
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1]! };
}

async function memberList(dataDir: string) {
  // The seeded data dir from the start-up run, opened in-process: `inject` times the server alone.
  const { openDatabase } = await import('../server/db/open');
  const database = await openDatabase({ dataDir });
  const app = await buildApp({ database, config: loadConfig({ NODE_ENV: 'test' }) });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'county', password: 'vanguard-demo' },
    });
    const cookie = login.cookies.find((c) => c.name === 'vg_session')!.value;
    const tree = (await app.inject({ url: '/api/v1/orgs/tree', cookies: { vg_session: cookie } })).json();
    const township = tree.nodes.find((n: { parentId: number | null }) => n.parentId === tree.nodes[0].id);
    const total = (
      await app.inject({ url: '/api/v1/members?pageSize=1', cookies: { vg_session: cookie } })
    ).json().total;
    const queries: [string, string][] = [
      ['whole county, page 1', '/api/v1/members?page=1&pageSize=20'],
      ['whole county, page 500', '/api/v1/members?page=500&pageSize=20'],
      ['status=probationary', '/api/v1/members?status=probationary&pageSize=20'],
      ['name contains 王', `/api/v1/members?q=${encodeURIComponent('王')}&pageSize=20`],
      ['one township subtree', `/api/v1/members?orgId=${township.id}&pageSize=20`],
      [
        'township + status=full + post=secretary',
        `/api/v1/members?orgId=${township.id}&status=full&post=secretary&pageSize=20`,
      ],
      ['mobile members, page 3', '/api/v1/members?mobile=true&page=3&pageSize=20'],
    ];
    console.log(
      `\nmember list, ${total} members, 100 runs each after 10 warm-up (server time via inject, ms):`,
    );
    for (const [name, url] of queries) {
      const times: number[] = [];
      for (let i = 0; i < 110; i++) {
        const t0 = performance.now();
        const res = await app.inject({ url, cookies: { vg_session: cookie } });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
        if (i >= 10) times.push(performance.now() - t0);
      }
      const s = stats(times);
      console.log(
        `  ${name.padEnd(42)} p50 ${s.p50.toFixed(1).padStart(5)}  p95 ${s.p95.toFixed(1).padStart(5)}  max ${s.max.toFixed(1).padStart(5)}`,
      );
    }
  } finally {
    await app.close();
    await database.close();
  }
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-bench-'));
await fs.chmod(dir, 0o755);
try {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  const first = await timeStart(dir);
  console.log(
    `first start on an empty data dir (initdb, migrations, county demo seed): ${first.toFixed(1)} s`,
  );
  const later: number[] = [];
  for (let i = 0; i < 3; i++) later.push(await timeStart(dir));
  console.log(`later starts: ${later.map((s) => `${s.toFixed(1)} s`).join(', ')}`);
  await memberList(dir);
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
