// npm run bench: start-up of the app on an empty and on a loaded data dir; the member list of the
// county, filtered and paged; and the morning of a fixed day (check-ins under load from this
// second process), a branch's month view and its ledger exports, and the member's phone pages in
// Chromium over an emulated slow link. Figures go to stdout;
// bench/README.md records them with the machine.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { systemClock } from '../server/core/clock';
import { signingKey } from '../server/core/signing-key';
import { connect, type Database, freePort, startEmbedded } from '../server/db/open';
import { openPersonalData } from '../server/db/personal-data/open-personal-data';
import { runAlerts } from '../server/modules/alerts/index';
import { prepareMorning, runMorning } from './check-in';
import { alone, tenfold, underLoad } from './oversight';
import { phonePages } from './phone-page';

const ROOT = path.resolve(import.meta.dirname, '..');

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error('the app exited before it answered');
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** BENCH_PROFILE_DIR: write a CPU profile of the app to that folder when it stops. */
function startApp(env: Record<string, string>) {
  const profile = process.env.BENCH_PROFILE_DIR;
  const [command, args] = profile
    ? [process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profile}`, '--import', 'tsx', 'server/main.ts']]
    : [path.join(ROOT, 'node_modules/.bin/tsx'), ['server/main.ts']];
  return spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function stop(child: ChildProcess) {
  const stopped = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await stopped;
}

/** Seconds from the start command to the first healthy answer. */
async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = startApp({ PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '' });
  await waitForHealth(port, child);
  const seconds = (performance.now() - t0) / 1000;
  await stop(child);
  return seconds;
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1]! };
}
const fmt = (s: { p50: number; p95: number; max: number }) =>
  `p50 ${s.p50.toFixed(1).padStart(6)}  p95 ${s.p95.toFixed(1).padStart(6)}  max ${s.max.toFixed(1).padStart(6)}`;

/** `inject` times the server alone: routing, session, access check, queries, serialization. */
async function timeInject(
  app: Awaited<ReturnType<typeof buildApp>>,
  cookie: string,
  url: string,
  runs = 100,
) {
  const times: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    const t0 = performance.now();
    const res = await app.inject({ url, cookies: { vg_session: cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    if (i >= 10) times.push(performance.now() - t0);
  }
  return stats(times);
}

async function inProcess(database: Database, dataDir: string) {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
  await openPersonalData(database.pool, config);
  const app = await buildApp({ database, config, clock: systemClock });
  try {
    const login = async (username: string) =>
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username, password: 'vanguard-demo' },
        })
      ).cookies.find((c) => c.name === 'vg_session')!.value;
    const county = await login('county');
    const tree = (await app.inject({ url: '/api/v1/orgs/tree', cookies: { vg_session: county } })).json();
    const township = tree.nodes.find((n: { parentId: number | null }) => n.parentId === tree.nodes[0].id);
    const total = (
      await app.inject({ url: '/api/v1/members?pageSize=1', cookies: { vg_session: county } })
    ).json().total;
    console.log(
      `\nmember list, ${total} members, 100 runs each after 10 warm-up (server time via inject, ms):`,
    );
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
    for (const [name, url] of queries)
      console.log(`  ${name.padEnd(42)} ${fmt(await timeInject(app, county, url))}`);

    const secretary = await login('secretary1');
    const me = (await app.inject({ url: '/api/v1/me', cookies: { vg_session: secretary } })).json();
    const branch = me.roles.find((r: { role: string }) => r.role === 'secretary').orgId;
    const year = new Date().getFullYear();
    const month = new Date().getMonth() + 1;
    console.log(`\na branch's calendar and ledger (${me.roles[0].orgName}), ms:`);
    console.log(
      `  ${'month view'.padEnd(42)} ${fmt(await timeInject(app, secretary, `/api/v1/orgs/${branch}/calendar?year=${year}&month=${month}`))}`,
    );
    console.log(
      `  ${'year view'.padEnd(42)} ${fmt(await timeInject(app, secretary, `/api/v1/orgs/${branch}/calendar?year=${year}`))}`,
    );
    console.log(
      `  ${'ledger of last year (JSON)'.padEnd(42)} ${fmt(await timeInject(app, secretary, `/api/v1/orgs/${branch}/ledger?year=${year - 1}`, 20))}`,
    );
    console.log(
      `  ${'ledger of last year, Excel'.padEnd(42)} ${fmt(await timeInject(app, secretary, `/api/v1/orgs/${branch}/ledger.xlsx?year=${year - 1}`, 5))}`,
    );
    console.log(
      `  ${'ledger of last year, PDF'.padEnd(42)} ${fmt(await timeInject(app, secretary, `/api/v1/orgs/${branch}/ledger.pdf?year=${year - 1}`, 5))}`,
    );
    await oversight(app, database, county, township.id, branch, year);
  } finally {
    await app.close();
  }
}

/**
 * The supervisor's dashboard and ranking, read from the kept aggregates; next to them, the same
 * year's figures recounted from the attendance rows, which is what the aggregates spare.
 */
async function oversight(
  app: Awaited<ReturnType<typeof buildApp>>,
  database: Database,
  county: string,
  townshipId: number,
  branchId: number,
  year: number,
) {
  const root = (await app.inject({ url: '/api/v1/orgs/tree', cookies: { vg_session: county } })).json()
    .nodes[0].id;
  const last = `from=${year - 1}-01-01&to=${year - 1}-12-31`;
  console.log('\nthe dashboard (GET /api/v1/orgs/{id}/stats) and ranking, as the county supervisor, ms:');
  const runs: [string, string, number][] = [
    ['county, last year', `/api/v1/orgs/${root}/stats?${last}`, 50],
    ['county, three years', `/api/v1/orgs/${root}/stats?from=${year - 2}-01-01&to=${year}-12-31`, 20],
    ['one township, last year', `/api/v1/orgs/${townshipId}/stats?${last}`, 50],
    ['one branch, last year', `/api/v1/orgs/${branchId}/stats?${last}`, 50],
    ['county ranking, last year', `/api/v1/orgs/${root}/ranking?period=year&year=${year - 1}`, 20],
    ['county table as Excel, last year', `/api/v1/orgs/${root}/stats.xlsx?${last}`, 10],
    [
      "county groups' working systems, this year",
      `/api/v1/orgs/${root}/group-systems/summary?from=${year}-01-01&to=${year}-12-31`,
      20,
    ],
    ["a branch's groups' systems, this year", `/api/v1/orgs/${branchId}/group-systems/kept?year=${year}`, 50],
  ];
  for (const [name, url, n] of runs)
    console.log(`  ${name.padEnd(42)} ${fmt(await timeInject(app, county, url, n))}`);
  const recount = async () => {
    const t0 = performance.now();
    await database.pool.query(
      `SELECT count(*), sum(present), sum(masses), sum(leave) FROM activity_stats_recount
       WHERE day BETWEEN $1 AND $2 AND NOT cancelled`,
      [`${year - 1}-01-01`, `${year - 1}-12-31`],
    );
    await database.pool.query(
      `SELECT count(DISTINCT t.member_id) FROM attendance t JOIN activities a ON a.id = t.activity_id
       WHERE a.starts_at >= $1 AND a.starts_at < $2 AND a.status <> 'cancelled'`,
      [`${year - 1}-01-01T00:00:00+08:00`, `${year}-01-01T00:00:00+08:00`],
    );
    return performance.now() - t0;
  };
  const times: number[] = [];
  for (let i = 0; i < 12; i++) times.push(await recount());
  console.log(`  ${'(county last year recounted from attendance)'.padEnd(42)} ${fmt(stats(times.slice(2)))}`);
  const { rows } = await database.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM attendance t JOIN activities a ON a.id = t.activity_id WHERE a.starts_at >= $1 AND a.starts_at < $2',
    [`${year - 1}-01-01T00:00:00+08:00`, `${year}-01-01T00:00:00+08:00`],
  );
  console.log(`  (last year holds ${rows[0]!.n} check-ins)`);
  const t0 = performance.now();
  await runAlerts(database.db, loadConfig({}), systemClock.now());
  console.log(`  ${'one run of every alert condition'.padEnd(42)} ${(performance.now() - t0).toFixed(0)} ms`);
}

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password: 'vanguard-demo' }),
  });
  const cookie = /vg_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error(`login ${username}: ${res.status}`);
  return cookie;
}

/**
 * The county's dashboard and ranking for last year and a branch's month, alone and with 10 in
 * flight, on the county and again with ten times last year's activities and check-ins.
 */
async function oversightUnderLoad(base: string, database: Database) {
  const county = await login(base, 'county');
  const secretary = await login(base, 'secretary1');
  const get = async (cookie: string, url: string) =>
    (await fetch(base + url, { headers: { cookie: `vg_session=${cookie}` } })).json();
  const root = (await get(county, '/api/v1/orgs/tree')).nodes[0].id;
  const branch = (await get(secretary, '/api/v1/me')).roles.find(
    (r: { role: string }) => r.role === 'secretary',
  ).orgId;
  const year = new Date().getFullYear() - 1;
  const screens: [string, string, string][] = [
    ['county dashboard, last year', county, `/api/v1/orgs/${root}/stats?from=${year}-01-01&to=${year}-12-31`],
    ['county ranking, last year', county, `/api/v1/orgs/${root}/ranking?period=year&year=${year}`],
    [
      "a branch's dashboard, March last year",
      secretary,
      `/api/v1/orgs/${branch}/stats?from=${year}-03-01&to=${year}-03-31`,
    ],
  ];
  const measure = async () => {
    const out = new Map<string, { single: number; load: Awaited<ReturnType<typeof underLoad>> }>();
    for (const [name, cookie, url] of screens) {
      const single = await alone(base, cookie, url);
      const load = await underLoad(base, cookie, url);
      out.set(name, { single, load });
      console.log(
        `  ${name.padEnd(40)} alone p50 ${single.toFixed(1).padStart(6)} ms; 10 in flight ${load.perSecond.toFixed(0).padStart(4)}/s p50 ${load.p50.toFixed(1).padStart(6)} p99 ${load.p99.toFixed(1).padStart(6)} ms`,
      );
    }
    return out;
  };
  console.log('\nthe oversight screens over HTTP from this process, the county demo:');
  const plain = await measure();
  const t0 = performance.now();
  const added = await tenfold(database.pool, year);
  console.log(
    `\nthe same with ten times last year's activities (${added.activities} and ${added.checkIns} check-ins added in ${((performance.now() - t0) / 1000).toFixed(1)} s):`,
  );
  const tenfoldRun = await measure();
  console.log('\n  ten times the data / the county, same run:');
  for (const [name] of screens) {
    const a = plain.get(name)!;
    const b = tenfoldRun.get(name)!;
    console.log(
      `  ${name.padEnd(40)} alone ${(b.single / a.single).toFixed(2)}×; 10 in flight throughput ${(b.load.perSecond / a.load.perSecond).toFixed(2)}×, p99 ${(b.load.p99 / a.load.p99).toFixed(2)}×`,
    );
  }
}

// BENCH_DATA_DIR: a copy of an already seeded data dir, to measure the rest without the start-up runs;
// with it, BENCH_ONLY=morning measures the check-in morning alone, BENCH_ONLY=phone the phone pages,
// BENCH_ONLY=oversight the dashboard and ranking under load (and then with ten times the year: it
// changes the data dir, so give it a copy).
const given = process.env.BENCH_DATA_DIR;
const dir = given ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'vanguard-bench-')));
await fs.chmod(dir, 0o755);
try {
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  if (!given) {
    const first = await timeStart(dir);
    console.log(
      `first start on an empty data dir (initdb, migrations, county demo with three years of history): ${first.toFixed(1)} s`,
    );
    const later: number[] = [];
    for (let i = 0; i < 3; i++) later.push(await timeStart(dir));
    console.log(`later starts: ${later.map((s) => `${s.toFixed(1)} s`).join(', ')}`);
  }

  // The same data dir, now served by a PostgreSQL this process starts, so it can prepare data while the app runs.
  const server = await startEmbedded(path.join(dir, 'postgres'));
  const database = connect(server.url('vanguard'), 'embedded');
  try {
    if (!process.env.BENCH_ONLY) await inProcess(database, dir);
    const only = process.env.BENCH_ONLY;
    const { phones, activityIds } =
      only === 'oversight' ? { phones: [], activityIds: [] } : await prepareMorning(database.pool);
    const port = await freePort();
    const app = startApp({ PORT: String(port), DATA_DIR: dir, DATABASE_URL: server.url('vanguard') });
    await waitForHealth(port, app);
    try {
      if (!only || only === 'phone') await phonePages(port, activityIds[0]!);
      const key = await signingKey(database.db);
      for (const concurrency of !only || only === 'morning' ? [32, 64, 128] : []) {
        if (concurrency !== 32)
          await database.pool.query('DELETE FROM attendance WHERE activity_id = ANY($1::int[])', [
            activityIds,
          ]);
        const r = await runMorning(port, key, phones, concurrency);
        const { rows } = await database.pool.query<{ n: number; distinct: number }>(
          'SELECT count(*)::int AS n, count(DISTINCT (activity_id, member_id))::int AS distinct FROM attendance WHERE activity_id = ANY($1::int[])',
          [activityIds],
        );
        console.log(
          `\ncheck-in morning, ${phones.length} members of ${activityIds.length} branches + 10% retries, ${concurrency} in flight:\n` +
            `  ${r.requests} requests in ${r.seconds.toFixed(1)} s = ${r.perSecond.toFixed(0)}/s; latency ms p50 ${r.p50.toFixed(1)} p99 ${r.p99.toFixed(1)} max ${r.max.toFixed(1)}\n` +
            `  acknowledged ${r.acknowledged}, "already" ${r.already}, failed ${r.failed}; in the database ${rows[0]!.n} rows, ${rows[0]!.distinct} distinct`,
        );
        if (rows[0]!.n !== r.acknowledged || rows[0]!.distinct !== rows[0]!.n || r.failed)
          throw new Error('check-ins lost or doubled');
      }
      if (!only || only === 'oversight') await oversightUnderLoad(`http://127.0.0.1:${port}`, database);
    } finally {
      await stop(app);
    }
  } finally {
    await database.close();
    await server.stop();
  }
} finally {
  if (!given) await fs.rm(dir, { recursive: true, force: true });
}
