// The morning of a fixed day: every Party member of the county checks in within minutes.
// Prepares one open activity per branch and a signed-in phone per member, then loads the
// running app from this (second) process over loopback.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type pg from 'pg';
import { issueCheckInToken as issue } from '../server/modules/attendance/index';

type Phone = { cookie: string; csrf: string; activityId: number };

export async function prepareMorning(pool: pg.Pool): Promise<{ phones: Phone[]; activityIds: number[] }> {
  // One themed party day per branch, open now.
  const { rows: acts } = await pool.query<{ id: number; org_id: number }>(`
    INSERT INTO activities (org_id, type, theme, kinds, title, starts_at, ends_at)
    SELECT id, 'themed_party_day', 'study_training', '{policy_study}', '压测：主题党日', now() - interval '10 minutes', now() + interval '4 hours'
    FROM orgs WHERE level = 'branch' RETURNING id, org_id`);
  const byOrg = new Map(acts.map((a) => [a.org_id, a.id]));
  const { rows: members } = await pool.query<{ id: number; org_id: number }>(
    `SELECT id, org_id FROM members WHERE status IN ('probationary', 'full') AND id NOT IN (SELECT member_id FROM users WHERE member_id IS NOT NULL)`,
  );
  // Accounts and sessions straight into the tables: logging 14,000 people in through argon2 would measure argon2.
  const hash = (await pool.query<{ password_hash: string }>(`SELECT password_hash FROM users LIMIT 1`))
    .rows[0]!.password_hash;
  const phones: Phone[] = [];
  for (let i = 0; i < members.length; i += 2000) {
    const batch = members.slice(i, i + 2000);
    const { rows: users } = await pool.query<{ id: number; member_id: number }>(
      `INSERT INTO users (username, name, password_hash, member_id)
       SELECT 'bench' || m, 'bench', $2, m FROM unnest($1::int[]) AS m RETURNING id, member_id`,
      [batch.map((m) => m.id), hash],
    );
    await pool.query(
      `INSERT INTO role_bindings (user_id, role, org_id) SELECT u, 'member', o FROM unnest($1::int[], $2::int[]) AS x(u, o)`,
      [users.map((u) => u.id), users.map((u) => batch.find((m) => m.id === u.member_id)!.org_id)],
    );
    const tokens = users.map(() => randomBytes(24).toString('base64url'));
    const csrfs = users.map(() => randomBytes(16).toString('base64url'));
    await pool.query(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) SELECT h, u, c, now() + interval '1 day' FROM unnest($1::text[], $2::int[], $3::text[]) AS x(h, u, c)`,
      [tokens.map((t) => createHash('sha256').update(t).digest('hex')), users.map((u) => u.id), csrfs],
    );
    users.forEach((u, k) => {
      const orgId = batch.find((m) => m.id === u.member_id)!.org_id;
      phones.push({ cookie: `vg_session=${tokens[k]}`, csrf: csrfs[k]!, activityId: byOrg.get(orgId)! });
    });
  }
  // Thousands of accounts appeared at once; autovacuum would notice within a minute, a real county
  // gathers them over weeks. Without statistics the planner scans sessions for every sign-in.
  await pool.query('ANALYZE users, role_bindings, sessions, activities');
  return { phones, activityIds: acts.map((a) => a.id) };
}

function post(
  agent: http.Agent,
  port: number,
  phone: Phone,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/check-in',
        headers: {
          'content-type': 'application/json',
          cookie: phone.cookie,
          'x-csrf-token': phone.csrf,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Every phone checks in once, and one in ten tries again (a retry after a poor connection):
 * `concurrency` requests in flight at a time, tokens taken from the screen's current period.
 */
export async function runMorning(port: number, key: Buffer, phones: Phone[], concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const work = [...phones, ...phones.filter((_, i) => i % 10 === 0)];
  const latencies: number[] = [];
  const acknowledged = new Set<string>();
  let already = 0;
  let failed = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < work.length) {
        const phone = work[next++]!;
        const body = JSON.stringify({ token: issue(key, phone.activityId, Date.now()).token });
        const start = performance.now();
        const res = await post(agent, port, phone, body);
        latencies.push(performance.now() - start);
        if (res.status !== 200) {
          failed++;
          continue;
        }
        const result = JSON.parse(res.text) as { status: string };
        if (result.status === 'checked_in') acknowledged.add(phone.cookie);
        else already++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return {
    requests: work.length,
    seconds,
    perSecond: work.length / seconds,
    p50: q(0.5),
    p99: q(0.99),
    max: latencies.at(-1)!,
    acknowledged: acknowledged.size,
    already,
    failed,
  };
}
