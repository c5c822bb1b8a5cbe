// The oversight screens under load: the county dashboard and ranking for a year and a branch's
// month, asked over HTTP by this process of the app running as its own process, alone and with
// 10 requests in flight; then again after `tenfold` has added nine copies of every activity of
// that year with its check-ins, so the two runs compare as ratios.
import type pg from 'pg';

export type Load = { perSecond: number; p50: number; p99: number };

const quantile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function ask(base: string, cookie: string, url: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(base + url, {
    headers: { cookie: `vg_session=${cookie}`, 'accept-encoding': 'gzip' },
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t0;
}

/** One request at a time: the p50 of `runs` after 5 warm-up. */
export async function alone(base: string, cookie: string, url: string, runs = 40): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const ms = await ask(base, cookie, url);
    if (i >= 5) times.push(ms);
  }
  return quantile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

/** `inFlight` clients asking back to back until `total` requests are answered. */
export async function underLoad(
  base: string,
  cookie: string,
  url: string,
  inFlight = 10,
  total = 400,
): Promise<Load> {
  for (let i = 0; i < inFlight; i++) await ask(base, cookie, url);
  const times: number[] = [];
  let sent = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (sent < total) {
        sent++;
        times.push(await ask(base, cookie, url));
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { perSecond: times.length / seconds, p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

/**
 * Nine more copies of every activity of `year` (ten minutes apart on the same day, so the months
 * and fixed days stay as they were) with all their check-ins, written in bulk with the triggers
 * off and the kept figures rebuilt after, as the demo seed loads its history.
 */
export async function tenfold(
  pool: pg.Pool,
  year: number,
): Promise<{ activities: number; checkIns: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    const columns = async (table: string, skip: string[]) =>
      (
        await client.query<{ c: string }>(
          `SELECT quote_ident(column_name) AS c FROM information_schema.columns
           WHERE table_name = $1 AND table_schema = 'public' ORDER BY ordinal_position`,
          [table],
        )
      ).rows
        .map((r) => r.c)
        .filter((c) => !skip.includes(c));
    await client.query(
      `CREATE TEMP TABLE copies ON COMMIT DROP AS
       SELECT a.id AS old, k, nextval('activities_id_seq')::int AS new FROM activities a, generate_series(1, 9) k
       WHERE china_year(a.starts_at) = $1`,
      [year],
    );
    const activity = await columns('activities', ['id', 'starts_at', 'ends_at']);
    const added = await client.query(
      `INSERT INTO activities (id, starts_at, ends_at, ${activity.join(', ')})
       SELECT c.new, a.starts_at + c.k * interval '10 minutes', a.ends_at + c.k * interval '10 minutes',
         ${activity.map((col) => `a.${col}`).join(', ')}
       FROM copies c JOIN activities a ON a.id = c.old`,
    );
    const attendance = await columns('attendance', ['id', 'activity_id']);
    const checkIns = await client.query(
      `INSERT INTO attendance (activity_id, ${attendance.join(', ')})
       SELECT c.new, ${attendance.map((col) => `t.${col}`).join(', ')}
       FROM copies c JOIN attendance t ON t.activity_id = c.old`,
    );
    await client.query('SELECT rebuild_aggregates()');
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { activities: added.rowCount ?? 0, checkIns: checkIns.rowCount ?? 0 };
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
